package io.paystream.localstack;

import io.paystream.events.Topics;
import io.paystream.testsupport.StripeFixtures;
import java.io.PrintStream;
import java.util.Map;

/** What a user needs after {@code up}: where everything listens, the dev signing secret, what to type next. */
final class StackSummary {

    private StackSummary() {}

    static void print(RunningStack stack, PrintStream out) {
        StackSettings s = stack.settings();
        Map<String, String> outcomes = stack.outcomes();
        out.println();
        out.println("Paystream local stack is up. Data: " + s.dataDir() + " (kept between runs)");
        out.println();
        row(out, "Kafka", s.bootstrapServers(), "topics " + Topics.STRIPE_EVENTS + ", " + Topics.PAYMENTS_EVENTS);
        row(out, "MongoDB", s.mongoUri(), "embedded wire server, file " + stack.mongoFile());
        row(out, "", "", "with the services' secondary indexes; a query no index serves is logged as a WARN");
        for (ServiceSpec spec : ServiceSpec.all(s)) {
            String outcome = outcomes.getOrDefault(spec.module(), "not started");
            if (outcome.equals("up")) {
                row(
                        out,
                        spec.module(),
                        "http://127.0.0.1:" + spec.port() + endpointOf(spec),
                        "log " + stack.logOf(spec));
            } else {
                row(out, spec.module(), "-", outcome);
            }
        }
        stack.demoConnection().ifPresent(demo -> {
            String where = demo.connectionId() == null
                    ? "-"
                    : "http://127.0.0.1:" + s.ingestPort() + "/webhooks/stripe/" + demo.connectionId();
            row(out, "demo shop", where, demo.outcome() + " (" + DemoConnection.SHOP_ACCOUNT + ", test keys)");
        });
        out.println();
        out.println("Webhook signing secret (local dev only): " + StackSettings.DEV_SECRET);
        if (!s.extraSecrets().isEmpty()) {
            out.println("  also accepted: the secret(s) from --secret / STRIPE_WEBHOOK_SECRET");
        }
        out.println();
        out.println("Try, in another terminal:");
        out.println("  ./paystream send payment_intent.succeeded        # one signed test event, like stripe trigger");
        String lifecycle = StripeFixtures.lifecycleNames().stream().findFirst().orElse("<lifecycle>") + " --count 3";
        out.printf("  ./paystream send %-31s # a whole lifecycle; ./paystream send lists them%n", lifecycle);
        out.println("  ./paystream tail " + Topics.STRIPE_EVENTS + " --from-beginning");
        out.println("  stripe listen --forward-to localhost:" + s.ingestPort() + "/webhooks/stripe");
        out.println("    (then restart with STRIPE_WEBHOOK_SECRET=<the whsec_ it prints> ./paystream up)");
        String admin = "-H 'Authorization: Bearer " + StackSettings.DEV_ADMIN_TOKEN + "'";
        String catalog = "http://127.0.0.1:" + s.catalogPort();
        out.println("  curl -X POST " + admin + " " + catalog + "/api/catalog/sync     # pull the platform's catalog");
        out.println("  curl " + admin + " '" + catalog + "/api/catalog/products?account=platform&livemode=false'");
        s.externalStripe()
                .ifPresentOrElse(
                        stripe -> out.println("  Stripe API: " + stripe.apiBase() + " with " + stripe.maskedKey()
                                + "; webhooks for connected accounts go to "
                                + stripe.publicUrl().orElse("http://127.0.0.1:" + s.ingestPort())),
                        () -> out.println("  Stripe API emulator (platform test key "
                                + StackSettings.EMULATOR_PLATFORM_TEST_KEY.substring(0, 12)
                                + "..., see stripe-emulator/README.md) at http://127.0.0.1:" + s.emulatorPort()));
        out.println();
        out.println("Press Ctrl-C to stop everything.");
        out.flush();
    }

    private static String endpointOf(ServiceSpec spec) {
        return spec.module().equals("webhook-ingest") ? "/webhooks/stripe" : "";
    }

    private static void row(PrintStream out, String what, String where, String note) {
        out.printf("  %-15s %-45s %s%n", what, where, note);
    }
}
