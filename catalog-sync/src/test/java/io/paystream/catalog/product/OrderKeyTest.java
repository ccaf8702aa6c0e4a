package io.paystream.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderKeyTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void newerReplacesOlderAndNeverTheOtherWayRound() {
        OrderKey older = OrderKey.ofEvent(T, "evt_1");
        OrderKey newer = OrderKey.ofEvent(T.plusSeconds(1), "evt_0");

        assertThat(newer.replaces(older)).isTrue();
        assertThat(older.replaces(newer)).isFalse();
        assertThat(OrderKey.ofSync(T).replaces(newer)).isFalse();
        assertThat(older.replaces(null)).isTrue();
    }

    @Test
    void inTheSameSecondAnEventBeatsTheListingAndTheLargerEventIdBeatsTheSmaller() {
        OrderKey listing = OrderKey.ofSync(T.plusMillis(900));
        OrderKey event = OrderKey.ofEvent(T, "evt_a");

        assertThat(event.replaces(listing)).isTrue();
        assertThat(listing.replaces(event)).isFalse();
        assertThat(OrderKey.ofEvent(T, "evt_b").replaces(event)).isTrue();
        assertThat(OrderKey.ofEvent(T, "evt_a").replaces(event))
                .as("a duplicate delivery")
                .isFalse();
    }

    @Test
    void aListingMayRewriteWhatAListingWroteAtTheSameSecond() {
        assertThat(OrderKey.ofSync(T).replaces(OrderKey.ofSync(T.plusMillis(500))))
                .isTrue();
    }
}
