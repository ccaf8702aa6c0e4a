package io.paystream.worker.apply;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import org.bson.Document;

/** Realistic Stripe events (test-support's lifecycle fixtures) as a projection sees them, for unit tests. */
public final class ProjectionFixtures {

    /** The run id the fixtures' ids carry: {@code pi_u_ccs}, {@code evt_u_ccs003}. */
    public static final String RUN = "u";

    private static final StripeEventParser PARSER = new StripeEventParser();

    private ProjectionFixtures() {}

    /** The event of {@code lifecycle} whose id ends in {@code _<suffix>}, e.g. {@code ("card_checkout_success", "ccs003")}. */
    public static StripeEvent fixture(String lifecycle, String suffix) {
        FixtureEvent event = StripeFixtures.lifecycle(lifecycle, RUN).stream()
                .filter(e -> e.id().endsWith("_" + suffix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event " + suffix + " in " + lifecycle));
        return parse(event.body());
    }

    public static StripeEvent parse(byte[] body) {
        return PARSER.parse(body, null);
    }

    /** The state {@code projection} takes from {@code event}, with its id, as the engine passes it to {@code changes}. */
    public static Document stateOf(Projection projection, StripeEvent event) {
        return new Document(projection.state(event)).append(StoredFields.ID, projection.aggregateId(event));
    }
}
