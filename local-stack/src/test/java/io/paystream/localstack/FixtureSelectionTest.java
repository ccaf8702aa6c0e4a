package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixtureSelectionTest {

    @Test
    void anEventTypeSelectsTheFirstFixtureEventOfThatType() {
        List<FixtureEvent> events = FixtureSelection.resolve("payment_intent.succeeded", "run1");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("payment_intent.succeeded");
            assertThat(event.id()).isEqualTo("evt_run1_pi_succeeded");
            assertThat(event.objectId()).isEqualTo("pi_run1");
        });
    }

    @Test
    void aLifecycleNameSelectsAllItsEventsInCreationOrder() {
        List<FixtureEvent> events = FixtureSelection.resolve("local-stack-smoke", "run2");

        assertThat(events)
                .extracting(FixtureEvent::type)
                .containsExactly("payment_intent.created", "payment_intent.succeeded");
    }

    @Test
    void everyRunIdMakesNewObjects() {
        String first = SendCommand.newRunId();
        String second = SendCommand.newRunId();

        FixtureEvent a =
                FixtureSelection.resolve("payment_intent.succeeded", first).get(0);
        FixtureEvent b =
                FixtureSelection.resolve("payment_intent.succeeded", second).get(0);

        assertThat(first).isNotEqualTo(second).matches("[a-z0-9]+");
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.objectId()).isNotEqualTo(b.objectId());
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).doesNotContain("{{run}}");
    }

    @Test
    void aNameThatCouldEscapeTheFixtureFolderIsUnknown() {
        assertThatThrownBy(() -> FixtureSelection.resolve("../../../etc/passwd", "r"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no fixture lifecycle or event type");
    }

    @Test
    void anUnknownNameListsWhatExists() {
        assertThatThrownBy(() -> FixtureSelection.resolve("charge.refunded", "r"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("local-stack-smoke")
                .hasMessageContaining("payment_intent.created");
    }
}
