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

    /** The object as a tree: the reference rendering, for retrieves and filters on fields not computed above. */
    JsonMap render(PaymentKind kind, int ordinal) {
        return seed(kind, ordinal).tree(livemode);
    }

    /** The same object as UTF-8 JSON, for list pages: several times cheaper (see {@link CompiledTemplate}). */
    byte[] json(PaymentKind kind, int ordinal) {
        return seed(kind, ordinal).json(livemode);
    }

    /**
     * What makes one seeded object: its template and {@code created}, the ids it carries (in the template's token
     * order), its run, and the fields it sets over the template's ({@code put} in this order). Both renderings take it,
     * so they cannot disagree on what an object holds.
     */
    private record Seed(SeedTemplates.Template template, long created, String run, String[] ids, JsonMap overrides) {

        JsonMap tree(boolean livemode) {
            Map<String, Object> json = template.render(created, livemode, run, ids);
            json.putAll(overrides);
            return new JsonMap(json);
        }

        byte[] json(boolean livemode) {
            return template.json(created, livemode, run, ids, overrides);
        }
    }

    private Seed seed(PaymentKind kind, int ordinal) {
        SeedTemplates templates = SeedTemplates.get();
        return switch (kind) {
            case CUSTOMER -> customer(templates, ordinal);
            case PAYMENT_INTENT, CHARGE -> payment(templates, kind, ordinal);
            case SUBSCRIPTION -> subscription(templates, ordinal);
            case INVOICE -> invoice(templates, ordinal);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private Seed customer(SeedTemplates templates, int ordinal) {
        String id = customers.id(ordinal);
        JsonMap overrides = new JsonMap()
                .with("name", "Seeded customer " + (ordinal + 1))
                .with("email", field(PaymentKind.CUSTOMER, ordinal, "email"))
                .with("invoice_prefix", id.substring(4, 12).toUpperCase(java.util.Locale.ROOT));
        return new Seed(templates.customer, customers.created(ordinal), run(id), new String[] {id}, overrides);
    }

    private Seed payment(SeedTemplates templates, PaymentKind kind, int ordinal) {
        SeededBlock own = kind == PaymentKind.CHARGE ? charges : paymentIntents;
        String id = own.id(ordinal);
        String[] ids = {paymentIntents.id(ordinal), charges.id(ordinal), customers.id(customerOf(kind, ordinal))};
        SeedTemplates.Template template = kind == PaymentKind.CHARGE ? templates.charge : templates.paymentIntent;
        long amount = 500L + 100L * (ordinal % 200);
        JsonMap overrides = new JsonMap()
                .with("amount", amount)
                .with(kind == PaymentKind.CHARGE ? "amount_captured" : "amount_received", amount);
        return new Seed(template, own.created(ordinal), run(id), ids, overrides);
    }

    private Seed subscription(SeedTemplates templates, int ordinal) {
        String id = subscriptions.id(ordinal);
        String[] ids = {id, customers.id(customerOf(PaymentKind.SUBSCRIPTION, ordinal))};
        String status = subscriptionStatus(ordinal);
        JsonMap overrides = new JsonMap().with("status", status).with("latest_invoice", null);
        if (status.equals("canceled")) {
            long ended = subscriptions.created(ordinal) + Duration.ofDays(90).toSeconds();
            overrides.with("canceled_at", ended).with("ended_at", ended);
        }
        return new Seed(templates.subscription, subscriptions.created(ordinal), run(id), ids, overrides);
    }

    private Seed invoice(SeedTemplates templates, int ordinal) {
        String id = invoices.id(ordinal);
        String subscription = field(PaymentKind.INVOICE, ordinal, "parent.subscription_details.subscription");
        String[] ids = {
            id,
            subscription == null ? "" : subscription,
            customers.id(customerOf(PaymentKind.INVOICE, ordinal)),
            accountId
        };
        JsonMap overrides = new JsonMap();
        if (subscription == null) {
            overrides.with("parent", null).with("billing_reason", "manual");
        }
        String status = invoiceStatus(ordinal);
        overrides.with("status", status);
        if (status.equals("open")) {
            // the template's amount_due: amounts are neither substituted nor shifted
            overrides.with("amount_paid", 0).with("amount_remaining", templates.invoice.tree.get("amount_due"));
            Map<String, Object> transitions = new LinkedHashMap<>();
            transitions.put("finalized_at", invoices.created(ordinal));
            transitions.put("marked_uncollectible_at", null);
            transitions.put("paid_at", null);
            transitions.put("voided_at", null);
            overrides.with("status_transitions", transitions);
        }
        return new Seed(templates.invoice, invoices.created(ordinal), run(id), ids, overrides);
    }

    /** What replaces the fixture's run token in nested ids (payment method, line item ...): unique per object. */
    private static String run(String id) {
        return id.substring(id.indexOf('_') + 1);
    }
}
