package io.paystream.worker.payment;

import io.paystream.worker.dispute.DisputeView;
import io.paystream.worker.refund.RefundView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(name = "Payment", description = "A PaymentIntent with its charges, refunds, refunded total and dispute.")
record PaymentView(
        @Schema(description = PaymentSchema.ID) String id,

        @Schema(description = PaymentSchema.ACCOUNT) String account,

        @Schema(description = PaymentSchema.LIVEMODE) boolean livemode,

        @Schema(description = PaymentSchema.STATUS) @Nullable
        String status,

        @Schema(description = PaymentSchema.AMOUNT) @Nullable
        Long amount,

        @Schema(description = PaymentSchema.AMOUNT_RECEIVED) @Nullable
        Long amountReceived,

        @Schema(description = "Refunded total over all charges (Stripe's amount_refunded), minor units.")
        long amountRefunded,

        @Schema(description = PaymentSchema.CURRENCY) @Nullable
        String currency,

        @Schema(description = PaymentSchema.CUSTOMER) @Nullable
        String customer,

        @Schema(description = "The PaymentIntent's description.") @Nullable
        String description,

        @Schema(description = PaymentSchema.PAYMENT_METHOD_TYPE) @Nullable
        String paymentMethodType,

        @Schema(description = "The paying card (from the latest charge, else the payment method).") @Nullable
        CardView card,

        @Schema(description = PaymentSchema.FAILURE_CODE) @Nullable
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

        @Schema(description = PaymentSchema.CREATED) @Nullable
        Instant created,

        @Schema(description = "When the worker last changed the PaymentIntent.") @Nullable
        Instant updatedAt,

        @Schema(description = "The Stripe event the PaymentIntent's state comes from.") @Nullable
        String lastEventId,

        @Schema(description = "That event's created time.") @Nullable
        Instant lastEventAt) {}
