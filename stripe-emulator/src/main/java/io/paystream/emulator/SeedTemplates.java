package io.paystream.emulator;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded objects are test-support's fixture objects with other ids, times and amounts, so they carry exactly the
 * field sets the fixtures (and so Paystream's parsers) know. A template is the object's JSON tree with the fixture's
 * {@value StripeFixtures#RUN_TOKEN} ids left in, to be replaced per object.
 */
final class SeedTemplates {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    /** Fixture ids in the templates, replaced by the seeded object's own and related ids. */
    static final String CUSTOMER = "cus_{{run}}_ccs";

    static final String PAYMENT_INTENT = "pi_{{run}}_ccs";
    static final String CHARGE = "ch_{{run}}_ccs";
    static final String SUBSCRIBER = "cus_{{run}}_stc";
    static final String SUBSCRIPTION = "sub_{{run}}_stc";
    static final String INVOICE = "in_{{run}}_stc1";
    static final String PLATFORM = "acct_{{run}}_platform";

    final Template customer;
    final Template paymentIntent;
    final Template charge;
    final Template subscription;
    final Template invoice;

    /** The fixture's product in plan and price ids, renamed as seeded subscriptions' plan. */
    static final String PRO_PRICE_TOKEN = "{{run}}_stcpro";

    static final String PRO_PRICE = "SeededMonthlyPro";

    /**
     * One fixture object, parsed once, its {@code created}, from which all its timestamps are shifted, and the fixture
     * ids its strings hold, replaced per object in this order. {@link #render} copies the tree, replacing ids in strings
     * and moving timestamps in the same walk: the reference, kept for retrieves and filters on uncommon fields. Lists
     * write {@link #compiled} text, which gives the same JSON for a fraction of the CPU (see {@link CompiledTemplate}).
     */
    static final class Template {
        final Map<String, Object> tree;
        final long created;
        final List<String> tokens;
        final CompiledTemplate compiled;

        Template(Map<String, Object> tree, long created, List<String> tokens) {
            this.tree = tree;
            this.created = created;
            this.tokens = tokens;
            this.compiled = new CompiledTemplate(tree, tokens);
        }

        /** A copy with ids replaced ({@code ids} in {@link #tokens} order), timestamps moved to {@code newCreated}. */
        LinkedHashMap<String, Object> render(long newCreated, boolean livemode, String uniqueRun, String... ids) {
            String[] pairs = new String[2 * tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                pairs[2 * i] = tokens.get(i);
                pairs[2 * i + 1] = ids[i];
            }
            return copy(tree, newCreated - created, livemode, uniqueRun, pairs);
        }

        /** {@link #render} followed by {@code putAll(overrides)}, as UTF-8 JSON. */
        byte[] json(long newCreated, boolean livemode, String uniqueRun, String[] ids, Map<String, ?> overrides) {
            return compiled.write(newCreated - created, livemode, uniqueRun, ids, overrides);
        }

        private static LinkedHashMap<String, Object> copy(
                Map<String, Object> node, long shift, boolean livemode, String run, String[] ids) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(node.size() * 2);
            node.forEach((name, value) -> {
                Object copied;
                if (name.equals("livemode") && value instanceof Boolean) {
                    copied = livemode;
                } else if (value != null && Timestamps.isTimestamp(name, value)) {
                    copied = ((Number) value).longValue() + shift;
                } else {
                    copied = copyValue(value, shift, livemode, run, ids);
                }
                copy.put(name, copied);
            });
            return copy;
        }

        @SuppressWarnings("unchecked")
        private static Object copyValue(Object value, long shift, boolean livemode, String run, String[] ids) {
            if (value instanceof Map<?, ?> map) {
                return copy((Map<String, Object>) map, shift, livemode, run, ids);
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(copyValue(item, shift, livemode, run, ids)));
                return copy;
            }
            if (value instanceof String text && text.contains(StripeFixtures.RUN_TOKEN)) {
                for (int i = 0; i < ids.length; i += 2) {
                    text = text.replace(ids[i], ids[i + 1]);
                }
                return text.replace(PRO_PRICE_TOKEN, PRO_PRICE).replace(StripeFixtures.RUN_TOKEN, run);
            }
            return value;
        }
    }

    private static final class Holder {
        static final SeedTemplates INSTANCE = new SeedTemplates();
    }

    static SeedTemplates get() {
        return Holder.INSTANCE;
    }

    private SeedTemplates() {
        List<String> checkout = List.of(PAYMENT_INTENT, CHARGE, CUSTOMER);
        customer = template("card_checkout_success", "customer.created", object -> true, List.of(CUSTOMER));
        paymentIntent = template("card_checkout_success", "payment_intent.succeeded", object -> true, checkout);
        charge = template("card_checkout_success", "charge.updated", object -> true, checkout);
        subscription = template(
                "subscription_trial_to_canceled",
                "customer.subscription.updated",
                object -> "active".equals(object.get("status")),
                List.of(SUBSCRIPTION, SUBSCRIBER));
        invoice = template(
                "subscription_trial_to_canceled",
                "invoice.paid",
                object -> INVOICE.equals(object.get("id")),
                List.of(INVOICE, SUBSCRIPTION, SUBSCRIBER, PLATFORM));
    }

    private static Template template(
            String lifecycle, String type, Predicate<Map<String, Object>> which, List<String> tokens) {
        for (FixtureEvent event : StripeFixtures.lifecycle(lifecycle, StripeFixtures.RUN_TOKEN)) {
            if (!event.type().equals(type)) {
                continue;
            }
            Map<String, Object> parsed = JSON.readValue(event.body(), MAP);
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) ((Map<String, Object>) parsed.get("data")).get("object");
            if (which.test(object)) {
                return new Template(object, ((Number) object.get("created")).longValue(), tokens);
            }
        }
        throw new IllegalStateException("test-support's fixtures have no " + type + " in " + lifecycle);
    }
}
