package io.paystream.emulator;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Plays one of test-support's fixture lifecycles on an account, the way Stripe would have produced it: each event's
 * {@code data.object} becomes the object's current state (the latest wins), the event is recorded for the Events API
 * and delivered as a signed webhook.
 *
 * <p>Every play gets fresh ids (a new run token, like {@code ./paystream send}). Times move so that the lifecycle's
 * last event happens now and the rest keep their distances ({@link Timestamps}): a fixture's fixed dates would drift
 * out of any retention window and sort before or after the emulator's own objects by accident. The fixture's own
 * account ids become the played account's, and {@code livemode} the mode played.
 */
final class Lifecycles {

    private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {};

    private final Store store;

    Lifecycles(Store store) {
        this.store = store;
    }

    List<EmulatedEvent> enact(String lifecycle, Account account, boolean livemode) {
        if (!StripeFixtures.lifecycleNames().contains(lifecycle)) {
            throw new IllegalArgumentException(
                    "No lifecycle " + lifecycle + "; test-support has " + StripeFixtures.lifecycleNames());
        }
        String run = Long.toString(store.ids.nextSequence(), 36);
        Pattern fixtureAccount = Pattern.compile(Pattern.quote("acct_" + run + "_") + "[A-Za-z0-9]+");
        List<Map<String, @Nullable Object>> events = new ArrayList<>();
        for (FixtureEvent fixture : StripeFixtures.lifecycle(lifecycle, run)) {
            String text = new String(fixture.body(), StandardCharsets.UTF_8);
            text = fixtureAccount.matcher(text).replaceAll(Matcher.quoteReplacement(account.id));
            if (livemode) {
                text = text.replace("cs_test_", "cs_live_");
            }
            events.add(SeedTemplates.JSON.readValue(text, MAP));
        }
        long shift = events.isEmpty()
                ? 0
                : store.now() - number(events.get(events.size() - 1).get("created"));
        List<EmulatedEvent> played = new ArrayList<>();
        synchronized (store) {
            AccountData data = store.data(account.id, livemode);
            for (Map<String, @Nullable Object> event : events) {
                Timestamps.shift(event, shift, livemode);
                played.add(play(account, livemode, data, event));
            }
        }
        return played;
    }

    private EmulatedEvent play(
            Account account, boolean livemode, AccountData data, Map<String, @Nullable Object> event) {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> eventData = (Map<String, @Nullable Object>) event.get("data");
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) eventData.get("object");
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> previous = (Map<String, @Nullable Object>) eventData.get("previous_attributes");
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> request = (Map<String, @Nullable Object>) event.get("request");
        String type = (String) event.get("type");
        String objectType = String.valueOf(object.get("object"));
        String objectId = object.get("id") instanceof String id ? id : null;
        long created = number(event.get("created"));
        long sequence = store.ids.nextSequence();
        PaymentKind kind = PaymentKind.ofObjectType(objectType).orElse(null);
        if (kind != null && objectId != null) {
            if (type.equals("customer.deleted") || type.equals("invoice.deleted")) {
                data.payments.of(kind).delete(objectId, objectType);
            } else {
                Object objectCreated = object.get("created");
                data.payments
                        .of(kind)
                        .put(objectId, sequence, objectCreated == null ? created : number(objectCreated), object);
            }
        } else if (objectType.equals("balance")) {
            data.payments.balance = object;
        }
        // accounts, capabilities and bank accounts are only sent: the emulator's accounts keep their own state
        StripeEvent recorded = new StripeEvent(
                (String) event.get("id"),
                sequence,
                created,
                type,
                account.isConnected() ? account.id : null,
                store.apiVersion,
                livemode,
                object,
                previous,
                request == null ? null : (String) request.get("id"),
                request == null ? null : (String) request.get("idempotency_key"));
        store.publish(account, livemode, recorded);
        return new EmulatedEvent(recorded.id(), type, objectType, objectId);
    }

    private static long number(@Nullable Object value) {
        return ((Number) value).longValue();
    }
}
