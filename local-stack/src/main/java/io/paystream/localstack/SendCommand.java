package io.paystream.localstack;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code send <event-type|lifecycle>}: like {@code stripe trigger}, delivers signed fixture events to the ingest. Every
 * run gets a fresh run id, so its objects and event ids are new and never deduplicated against an earlier run. A
 * lifecycle goes through the emulator when the stack runs one ({@link EmulatorLifecycles}), so that its objects are
 * also in the emulator's API for backfills and reconciliation; {@code --direct}, {@code --url} or {@code --secret}
 * sign and post from here, as does a single event type.
 */
final class SendCommand {

    static final Set<String> VALUED_FLAGS = Set.of("count", "url", "secret");
    static final Set<String> SWITCHES = Set.of("direct");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SendCommand() {}

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Flags flags = Flags.parse(args, VALUED_FLAGS, SWITCHES);
        if (flags.positionals().size() != 1) {
            throw new UsageException(
                    "send needs exactly one event type or lifecycle name.\n" + FixtureSelection.available(), false);
        }
        String what = flags.positionals().get(0);
        int count = flags.intValue("count", null, env, 1, 1, 100_000);
        URI url = url(flags, env);
        String secret = flags.value("secret", "STRIPE_WEBHOOK_SECRET", env)
                .map(StackSettings::splitSecrets)
                .filter(secrets -> !secrets.isEmpty())
                .map(secrets -> secrets.get(0))
                .orElse(StackSettings.DEV_SECRET);
        // resolve once up front so that an unknown name fails before anything is sent
        FixtureSelection.resolve(what, newRunId());
        if (StripeFixtures.lifecycleNames().contains(what)
                && !flags.has("direct")
                && flags.value("url").isEmpty()
                && flags.value("secret").isEmpty()) {
            EmulatorLifecycles emulator = new EmulatorLifecycles(
                    flags.port("emulator-port", "PAYSTREAM_EMULATOR_PORT", env, StackSettings.DEFAULT_EMULATOR_PORT));
            if (emulator.reachable()) {
                return enact(emulator, what, count, out, err);
            }
        }

        WebhookSender sender = new WebhookSender(url, secret);
        int sent = 0;
        int refused = 0;
        try {
            for (int run = 0; run < count; run++) {
                for (FixtureEvent event : FixtureSelection.resolve(what, newRunId())) {
                    WebhookSender.Delivery delivery = sender.send(event);
                    sent++;
                    if (!delivery.accepted()) {
                        refused++;
                    }
                    out.println(line(delivery));
                }
            }
        } catch (ConnectException e) {
            err.println("Cannot reach " + url + ": is the stack up? Start it with ./paystream up");
            return 1;
        } catch (IOException e) {
            err.println("Sending to " + url + " failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        out.println(sent + " sent to " + url + ", " + (sent - refused) + " accepted, " + refused + " refused");
        return refused == 0 ? 0 : 1;
    }

    private static int enact(
            EmulatorLifecycles emulator, String lifecycle, int count, PrintStream out, PrintStream err) {
        int events = 0;
        try {
            for (int run = 0; run < count; run++) {
                events += emulator.enact(lifecycle, out);
            }
        } catch (IOException e) {
            err.println("The emulator could not play " + lifecycle + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        out.println(events + " events played by the emulator, which delivers their webhooks to the ingest"
                + " (--direct signs and posts them from here instead)");
        return 0;
    }

    static String newRunId() {
        return Long.toString(System.currentTimeMillis(), 36) + Integer.toString(RANDOM.nextInt(36 * 36 * 36), 36);
    }

    private static URI url(Flags flags, Map<String, String> env) {
        String url = flags.value("url")
                .orElseGet(() -> "http://127.0.0.1:"
                        + flags.port("ingest-port", "PAYSTREAM_INGEST_PORT", env, StackSettings.DEFAULT_INGEST_PORT)
                        + "/webhooks/stripe");
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url must be an http(s) URL, not '" + url + "'");
        }
    }

    private static String line(WebhookSender.Delivery delivery) {
        FixtureEvent event = delivery.event();
        String line = String.format(
                "%d  %-40s %s  key %s  %d ms",
                delivery.status(),
                event.type(),
                event.id(),
                event.objectId(),
                delivery.took().toMillis());
        return delivery.accepted() ? line : line + "  " + delivery.reason();
    }
}
