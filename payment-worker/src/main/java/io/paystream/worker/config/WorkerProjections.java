package io.paystream.worker.config;

import io.paystream.worker.account.AccountProjection;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.balance.BalanceProjection;
import io.paystream.worker.checkout.CheckoutSessionProjection;
import io.paystream.worker.customer.CustomerProjection;
import io.paystream.worker.dispute.DisputeProjection;
import io.paystream.worker.invoice.InvoiceProjection;
import io.paystream.worker.payment.ChargeProjection;
import io.paystream.worker.payment.PaymentIntentProjection;
import io.paystream.worker.payout.PayoutProjection;
import io.paystream.worker.refund.RefundProjection;
import io.paystream.worker.subscription.SubscriptionProjection;
import java.util.List;

/** Every projection, for code that runs the engine without a Spring context (tools, tests). */
public final class WorkerProjections {

    private WorkerProjections() {}

    public static List<Projection> all() {
        return List.of(
                new PaymentIntentProjection(),
                new ChargeProjection(),
                new RefundProjection(),
                new DisputeProjection(),
                new CheckoutSessionProjection(),
                new CustomerProjection(),
                new SubscriptionProjection(),
                new InvoiceProjection(),
                new PayoutProjection(),
                new BalanceProjection(),
                new AccountProjection());
    }
}
