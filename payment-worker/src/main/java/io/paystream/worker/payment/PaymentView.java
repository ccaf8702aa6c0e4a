package io.paystream.worker.payment;

import io.paystream.worker.dispute.DisputeView;
import io.paystream.worker.refund.RefundView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(name = "Payment", description = "A PaymentIntent with its charges, refunds, refunded total and dispute.")
record PaymentView(
        @Schema(description = "PaymentIntent id (pi_...).") String id,

        @Schema(description = "`platform` or the connected account (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) data.")
        boolean livemode,

        @Schema(description = PaymentIntentFields.STATUS_DESCRIPTION) @Nullable
        String status,

        @Schema(description = "Amount intended to be collected, minor units.") @Nullable
        Long amount,

        @Schema(description = "Amount received, minor units.") @Nullable
        Long amountReceived,

        @Schema(description = "Refunded total over all charges (Stripe's amount_refunded), minor units.")
        long amountRefunded,

        @Schema(description = "Three-letter ISO currency code, lower case.") @Nullable
        String currency,

        @Schema(description = "Customer id (cus_...), if any.") @Nullable
        String customer,

        @Schema(description = "The PaymentIntent's description.") @Nullable
        String description,

        @Schema(description = "Payment method type, e.g. card.") @Nullable
        String paymentMethodType,

        @Schema(description = "The paying card (from the latest charge, else the payment method).") @Nullable
        CardView card,

        @Schema(description = "Decline or error code of the last failed attempt.") @Nullable
        String failureCode,

        @Schema(description = "Message of the last failed attempt.") @Nullable
        String failureMessage,

        @Schema(description = "Why the payment was canceled, if it was.") @Nullable
        String cancellationReason,

        @Schema(description = "When the payment was canceled.") @Nullable
        Instant canceledAt,

        @Schema(description = "The latest charge id (ch_...).") @Nullable
        String latestCharge,

        @Schema(description = "Stripe-hosted receipt of the latest (else the last successful) charge.") @Nullable
        String receiptUrl,

        @Schema(description = "Every charge attempt, oldest first.")
        List<ChargeView> charges,

        @Schema(description = "Every refund, oldest first.") List<RefundView> refunds,

        @Schema(description = "The newest dispute, if the payment was disputed.") @Nullable
        DisputeView dispute,

        @Schema(description = "Stripe's created time.") @Nullable
        Instant created,

        @Schema(description = "When the worker last changed the PaymentIntent.") @Nullable
        Instant updatedAt,

        @Schema(description = "The Stripe event the PaymentIntent's state comes from.") @Nullable
        String lastEventId,

        @Schema(description = "That event's created time.") @Nullable
        Instant lastEventAt) {}
