package io.paystream.emulator;

import io.paystream.testsupport.StripeFixtures;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Emulator-only control endpoints under {@value #PATH}, never Stripe's: they let the local stack (a separate process)
 * do what tests do through the Java API. Unauthenticated like {@code /health}: the emulator binds to 127.0.0.1 and
 * holds nothing secret. Parameters come in the query string.
 *
 * <ul>
 *   <li>{@code POST /_emulator/lifecycles/{name}?account=&livemode=} plays a lifecycle ({@link StripeEmulator#enact})
 *   <li>{@code POST /_emulator/seed-payments?account=&livemode=&customers=&payment_intents=&subscriptions=&invoices=}
 *   <li>{@code POST /_emulator/thin-events?account=&livemode=&object_type=&object_id=}
 *   <li>{@code POST /_emulator/drop-webhooks?share=&seed=}
 *   <li>{@code POST /_emulator/rate-limits?test=&live=} (requests per second, 0 = off)
 * </ul>
 *
 * {@code account} defaults to the platform, {@code livemode} to false.
 */
final class ControlApi {

    static final String PATH = "/_emulator/";
    private static final String LIFECYCLES = PATH + "lifecycles/";

    private final StripeEmulator emulator;

    ControlApi(StripeEmulator emulator) {
        this.emulator = emulator;
    }

    Reply handle(String method, String path, @Nullable String query) {
        if (!method.equals("POST")) {
            throw ApiError.unrecognizedUrl(method, path);
        }
        Params params = new Params(FormDecoder.decode(query));
        try {
            if (path.startsWith(LIFECYCLES)) {
                return lifecycle(path.substring(LIFECYCLES.length()), params);
            }
            return switch (path) {
                case PATH + "seed-payments" -> seed(params);
                case PATH + "thin-events" -> thinEvent(params);
                case PATH + "drop-webhooks" -> drop(params);
                case PATH + "rate-limits" -> rateLimits(params);
                default -> throw ApiError.unrecognizedUrl(method, path);
            };
        } catch (IllegalArgumentException invalid) {
            throw ApiError.invalid(invalid.getMessage(), null);
        }
    }

    private Reply lifecycle(String name, Params params) {
        params.allowOnly(Set.of("account", "livemode"));
        if (!StripeFixtures.lifecycleNames().contains(name)) {
            throw ApiError.noSuch("lifecycle", name);
        }
        List<JsonMap> events = emulator.enact(name, account(params), livemode(params)).stream()
                .map(ControlApi::render)
                .toList();
        return Reply.json(200, ListPage.envelope(events, false, LIFECYCLES + name));
    }

    private Reply seed(Params params) {
        params.allowOnly(Set.of("account", "livemode", "customers", "payment_intents", "subscriptions", "invoices"));
        emulator.seedPayments(
                account(params),
                livemode(params),
                count(params, "customers"),
                count(params, "payment_intents"),
                count(params, "subscriptions"),
                count(params, "invoices"));
        return Reply.json(200, new JsonMap().with("seeded", true));
    }

    private Reply thinEvent(Params params) {
        params.allowOnly(Set.of("account", "livemode", "object_type", "object_id"));
        EmulatedEvent event = emulator.sendThinEvent(
                account(params),
                livemode(params),
                params.requiredString("object_type"),
                params.requiredString("object_id"));
        return Reply.json(200, render(event));
    }

    private Reply drop(Params params) {
        params.allowOnly(Set.of("share", "seed"));
        double share;
        try {
            share = Double.parseDouble(params.requiredString("share"));
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Invalid number: share", "share");
        }
        Long seed = params.integer("seed");
        emulator.dropWebhooks(share, seed == null ? 0 : seed);
        return Reply.json(200, new JsonMap().with("share", share));
    }

    private Reply rateLimits(Params params) {
        params.allowOnly(Set.of("test", "live"));
        int test = count(params, "test");
        int live = count(params, "live");
        if (test < 0 || live < 0) {
            throw ApiError.invalid("Rate limits must not be negative", test < 0 ? "test" : "live");
        }
        emulator.setRateLimits(test, live);
        return Reply.json(200, new JsonMap().with("test", test).with("live", live));
    }

    private String account(Params params) {
        String account = params.nullableString("account");
        return account == null ? StripeEmulator.PLATFORM_ACCOUNT_ID : account;
    }

    private static boolean livemode(Params params) {
        return Boolean.TRUE.equals(params.bool("livemode"));
    }

    private static int count(Params params, String name) {
        Long value = params.integer(name);
        return value == null ? 0 : Math.toIntExact(value);
    }

    private static JsonMap render(EmulatedEvent event) {
        return new JsonMap()
                .with("id", event.id())
                .with("type", event.type())
                .with("object_type", event.objectType())
                .with("object_id", event.objectId());
    }
}
