package io.paystream.worker.payment;

import io.paystream.worker.dispute.DisputeView;
import io.paystream.worker.refund.RefundView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

@Schema(name = "Payment", description = "A PaymentIntent with its charges, refunds, refunded total and dispute.")
record PaymentView(
        @Schema(description = "PaymentIntent id (pi_...).") String id,

        @Schema(description = "`platform` or the connected account (acct_...).")
        String account,

        @Schema(description = "Live (true) or test (false) data.")
        boolean livemode,

        @Schema(description = PaymentIntentFields.STATUS_DESCRIPTION)
        String status,

        @Schema(description = "Amount intended to be collected, minor units.")
        Long amount,

        @Schema(description = "Amount received, minor units.")
        Long amountReceived,

        @Schema(description = "Refunded total over all charges (Stripe's amount_refunded), minor units.")
        long amountRefunded,

        @Schema(description = "Three-letter ISO currency code, lower case.")
        String currency,

        @Schema(description = "Customer id (cus_...), if any.")
        String customer,

        @Schema(description = "The PaymentIntent's description.")
        String description,

        @Schema(description = "Payment method type, e.g. card.")
        String paymentMethodType,

        @Schema(description = "The paying card (from the latest charge, else the payment method).")
        CardView card,

        @Schema(description = "Decline or error code of the last failed attempt.")
        String failureCode,

        @Schema(description = "Message of the last failed attempt.")
        String failureMessage,

        @Schema(description = "Why the payment was canceled, if it was.")
        String cancellationReason,

        @Schema(description = "When the payment was canceled.")
        Instant canceledAt,

        @Schema(description = "The latest charge id (ch_...).")
        String latestCharge,

        @Schema(description = "Stripe-hosted receipt of the latest (else the last successful) charge.")
        String receiptUrl,

        @Schema(description = "Every charge attempt, oldest first.")
        List<ChargeView> charges,

        @Schema(description = "Every refund, oldest first.") List<RefundView> refunds,

        @Schema(description = "The newest dispute, if the payment was disputed.")
        DisputeView dispute,

        @Schema(description = "Stripe's created time.") Instant created,

        @Schema(description = "When the worker last changed the PaymentIntent.")
        Instant updatedAt,

        @Schema(description = "The Stripe event the PaymentIntent's state comes from.")
        String lastEventId,

        @Schema(description = "That event's created time.") Instant lastEventAt) {}
