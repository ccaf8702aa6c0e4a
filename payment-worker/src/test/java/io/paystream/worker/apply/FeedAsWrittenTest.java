package io.paystream.worker.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.worker.EngineRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The domain-event JSON the engine writes, byte for byte: {@code feed-as-written.jsonl} holds every outbox entry's
 * CloudEvent for test-support's fixture lifecycles (run id {@value #RUN}, each lifecycle applied in Stripe's order),
 * as the engine wrote them while the projections still built {@code data} by hand (the same lines as shared-events'
 * {@code payment-worker-events.jsonl}). Whatever builds the events, the feed's consumers must see the same bytes.
 */
class FeedAsWrittenTest {

    private static final String RUN = "gd";

    @Test
    void everyLifecycleWritesTheSameEventsByteForByte() throws IOException {
        assertThat(sorted(written())).containsExactlyElementsOf(sorted(expected()));
    }

    private static List<String> written() {
        List<String> events = new ArrayList<>();
        for (String lifecycle : StripeFixtures.lifecycleNames()) {
            try (EngineRun run = new EngineRun()) {
                StripeFixtures.lifecycle(lifecycle, RUN).forEach(event -> run.apply(event.body()));
                run.outbox().forEach(entry -> events.add(entry.getString("event")));
            }
        }
        return events;
    }

    private static List<String> expected() throws IOException {
        try (InputStream in = FeedAsWrittenTest.class.getResourceAsStream("feed-as-written.jsonl")) {
            assertThat(in).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank())
                    .toList();
        }
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
