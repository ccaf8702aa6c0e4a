package io.paystream.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code seedPayments} call: customers, payment intents each with one succeeded charge, subscriptions each with
 * a customer, and invoices each with a subscription's customer (or a customer when no subscriptions were seeded),
 * created over the past two years. Related objects are picked by proportion ({@code customer = i * customers / n}),
 * so every object is created no earlier than the ones it points at.
 *
 * <p>Nothing per object is stored (see {@link SeededBlock}); each page renders its objects from
 * {@link SeedTemplates}. Storing 400,000+ rendered objects would need gigabytes, and even compact per-object records in
 * the sorted maps cost ~200 bytes each, more than a few-hundred-MB emulator process should spend on a benchmark.
 */
final class SeededPayments {

    static final Duration SPREAD = Duration.ofDays(730);

    private final boolean livemode;
    private final String accountId;
    final SeededBlock customers;
    final SeededBlock paymentIntents;
    final SeededBlock charges;
    final SeededBlock subscriptions;
    final SeededBlock invoices;

    SeededPayments(
            Ids ids,
            long now,
            String accountId,
            boolean livemode,
            int customers,
            int paymentIntents,
            int subscriptions,
            int invoices) {
        if (customers <= 0 && paymentIntents + subscriptions + invoices > 0) {
            throw new IllegalArgumentException("payment intents, subscriptions and invoices need customers");
        }
        if (Math.min(Math.min(customers, paymentIntents), Math.min(subscriptions, invoices)) < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        this.accountId = accountId;
        this.livemode = livemode;
        long span = SPREAD.toSeconds();
        long start = now - span;
        this.customers = block(ids, PaymentKind.CUSTOMER, "cus_", customers, start, span);
        this.paymentIntents = block(ids, PaymentKind.PAYMENT_INTENT, "pi_", paymentIntents, start, span);
        this.charges = block(ids, PaymentKind.CHARGE, "ch_", paymentIntents, start, span);
        this.subscriptions = block(ids, PaymentKind.SUBSCRIPTION, "sub_", subscriptions, start, span);
        this.invoices = block(ids, PaymentKind.INVOICE, "in_", invoices, start, span);
    }

    private SeededBlock block(Ids ids, PaymentKind kind, String prefix, int count, long start, long span) {
        return new SeededBlock(kind, prefix, ids.reserve(Math.max(count, 1)), count, start, span, this);
    }

    List<SeededBlock> blocks() {
        return List.of(customers, paymentIntents, charges, subscriptions, invoices);
    }

    /** The ordinal in {@code target} that ordinal {@code i} of a block of {@code n} points at. */
    private static int related(int i, int n, SeededBlock target) {
        return (int) ((long) i * target.count / n);
    }

    private int customerOf(PaymentKind kind, int ordinal) {
        return switch (kind) {
            case CUSTOMER -> ordinal;
            case PAYMENT_INTENT, CHARGE -> related(ordinal, paymentIntents.count, customers);
            case SUBSCRIPTION -> related(ordinal, subscriptions.count, customers);
            case INVOICE ->
                subscriptions.count > 0
                        ? customerOf(PaymentKind.SUBSCRIPTION, related(ordinal, invoices.count, subscriptions))
                        : related(ordinal, invoices.count, customers);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /** Every fourth subscription is not plainly active: canceled, trialing and past due in turn. */
    static String subscriptionStatus(int ordinal) {
        return switch (ordinal % 12) {
            case 0 -> "canceled";
            case 4 -> "trialing";
            case 8 -> "past_due";
            default -> "active";
        };
    }

    static String invoiceStatus(int ordinal) {
        return ordinal % 15 == 7 ? "open" : "paid";
    }

    /** A field for list filters, without rendering the object. */
    @Nullable
    String field(PaymentKind kind, int ordinal, String path) {
        return switch (path) {
            case "customer" -> customers.id(customerOf(kind, ordinal));
            case "email" -> "customer" + (ordinal + 1) + "@example.com";
            case "payment_intent" -> paymentIntents.id(ordinal);
            case "status" ->
                kind == PaymentKind.SUBSCRIPTION
                        ? subscriptionStatus(ordinal)
                        : kind == PaymentKind.INVOICE ? invoiceStatus(ordinal) : "succeeded";
            case "parent.subscription_details.subscription" ->
                subscriptions.count == 0 ? null : subscriptions.id(related(ordinal, invoices.count, subscriptions));
            default -> PaymentObject.field(render(kind, ordinal), path);
        };
    }

    JsonMap render(PaymentKind kind, int ordinal) {
        SeedTemplates templates = SeedTemplates.get();
        return switch (kind) {
            case CUSTOMER -> customer(templates, ordinal);
            case PAYMENT_INTENT, CHARGE -> payment(templates, kind, ordinal);
            case SUBSCRIPTION -> subscription(templates, ordinal);
            case INVOICE -> invoice(templates, ordinal);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private JsonMap customer(SeedTemplates templates, int ordinal) {
        String id = customers.id(ordinal);
        Map<String, Object> json =
                templates.customer.render(customers.created(ordinal), livemode, run(id), SeedTemplates.CUSTOMER, id);
        json.put("name", "Seeded customer " + (ordinal + 1));
        json.put("email", field(PaymentKind.CUSTOMER, ordinal, "email"));
        json.put("invoice_prefix", id.substring(4, 12).toUpperCase(java.util.Locale.ROOT));
        return new JsonMap(json);
    }

    private JsonMap payment(SeedTemplates templates, PaymentKind kind, int ordinal) {
        SeededBlock own = kind == PaymentKind.CHARGE ? charges : paymentIntents;
        String id = own.id(ordinal);
        String[] ids = {
            SeedTemplates.PAYMENT_INTENT, paymentIntents.id(ordinal),
            SeedTemplates.CHARGE, charges.id(ordinal),
            SeedTemplates.CUSTOMER, customers.id(customerOf(kind, ordinal))
        };
        SeedTemplates.Template template = kind == PaymentKind.CHARGE ? templates.charge : templates.paymentIntent;
        Map<String, Object> json = template.render(own.created(ordinal), livemode, run(id), ids);
        long amount = 500L + 100L * (ordinal % 200);
        json.put("amount", amount);
        json.put(kind == PaymentKind.CHARGE ? "amount_captured" : "amount_received", amount);
        return new JsonMap(json);
    }

    private JsonMap subscription(SeedTemplates templates, int ordinal) {
        String id = subscriptions.id(ordinal);
        Map<String, Object> json = templates.subscription.render(
                subscriptions.created(ordinal),
                livemode,
                run(id),
                SeedTemplates.SUBSCRIPTION,
                id,
                SeedTemplates.SUBSCRIBER,
                customers.id(customerOf(PaymentKind.SUBSCRIPTION, ordinal)));
        String status = subscriptionStatus(ordinal);
        json.put("status", status);
        json.put("latest_invoice", null);
        if (status.equals("canceled")) {
            long ended = subscriptions.created(ordinal) + Duration.ofDays(90).toSeconds();
            json.put("canceled_at", ended);
            json.put("ended_at", ended);
        }
        return new JsonMap(json);
    }

    private JsonMap invoice(SeedTemplates templates, int ordinal) {
        String id = invoices.id(ordinal);
        String subscription = field(PaymentKind.INVOICE, ordinal, "parent.subscription_details.subscription");
        Map<String, Object> json = templates.invoice.render(
                invoices.created(ordinal),
                livemode,
                run(id),
                SeedTemplates.INVOICE,
                id,
                SeedTemplates.SUBSCRIPTION,
                subscription == null ? "" : subscription,
                SeedTemplates.SUBSCRIBER,
                customers.id(customerOf(PaymentKind.INVOICE, ordinal)),
                SeedTemplates.PLATFORM,
                accountId);
        if (subscription == null) {
            json.put("parent", null);
            json.put("billing_reason", "manual");
        }
        String status = invoiceStatus(ordinal);
        json.put("status", status);
        if (status.equals("open")) {
            json.put("amount_paid", 0);
            json.put("amount_remaining", json.get("amount_due"));
            Map<String, Object> transitions = new LinkedHashMap<>();
            transitions.put("finalized_at", invoices.created(ordinal));
            transitions.put("marked_uncollectible_at", null);
            transitions.put("paid_at", null);
            transitions.put("voided_at", null);
            json.put("status_transitions", transitions);
        }
        return new JsonMap(json);
    }

    /** What replaces the fixture's run token in nested ids (payment method, line item ...): unique per object. */
    private static String run(String id) {
        return id.substring(id.indexOf('_') + 1);
    }
}
