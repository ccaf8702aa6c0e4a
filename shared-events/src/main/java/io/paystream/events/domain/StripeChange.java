package io.paystream.events.domain;

/**
 * Data of the events payment-worker publishes when a Stripe object it keeps changed meaningfully. On the wire their
 * {@code data} is the {@link StripeOrigin} fields followed by the record's own ({@link #toData()}); the subject is
 * the object's id.
 */
public sealed interface StripeChange extends DomainEventData
        permits PaymentSucceeded,
                PaymentFailed,
                PaymentRefunded,
                DisputeOpened,
                DisputeClosed,
                CheckoutCompleted,
                SubscriptionActivated,
                SubscriptionWentPastDue,
                SubscriptionCanceled,
                SubscriptionRenewed,
                InvoicePaid,
                InvoicePaymentFailed,
                PayoutPaid,
                PayoutFailed,
                AccountOnboardingUpdated {}
