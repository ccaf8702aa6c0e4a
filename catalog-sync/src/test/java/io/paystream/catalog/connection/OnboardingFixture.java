package io.paystream.catalog.connection;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.util.List;
import java.util.UUID;

/** The {@code connect_onboarding} lifecycle with ids of its own, its events picked by id suffix ({@code onb008}). */
record OnboardingFixture(String accountId, List<FixtureEvent> events) {

    static OnboardingFixture fresh() {
        String run = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return new OnboardingFixture("acct_" + run + "_onb", StripeFixtures.lifecycle("connect_onboarding", run));
    }

    FixtureEvent event(String suffix) {
        return events.stream()
                .filter(event -> event.id().endsWith("_" + suffix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture event " + suffix));
    }
}
