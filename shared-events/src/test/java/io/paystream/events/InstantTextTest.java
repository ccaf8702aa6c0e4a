package io.paystream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesAndReadsAsInstantDoesWhateverTheMixOfRepeatedAndNewInstants() {
        Random random = new Random(7);
        List<Instant> few = IntStream.range(0, 6)
                .mapToObj(i -> Instant.ofEpochSecond(1_796_000_000L + i, i * 1_000_000L))
                .toList();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = random.nextBoolean()
                    ? few.get(random.nextInt(few.size()))
                    : Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));

            String text = InstantText.of(instant);

            assertThat(text).isEqualTo(instant.toString());
            assertThat(InstantText.parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void threadsSharingItAlwaysGetTheirOwnInstantsText() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 4)
                    .mapToObj(t -> threads.submit(() -> {
                        for (int i = 0; i < 20_000; i++) {
                            Instant instant = Instant.ofEpochSecond(1_796_000_000L + (i % 7) * (t + 1), t);
                            if (!InstantText.of(instant).equals(instant.toString())
                                    || !InstantText.parse(instant.toString()).equals(instant)) {
                                return false;
                            }
                        }
                        return true;
                    }))
                    .toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aTextThatIsNotAnInstantIsRefusedAsInstantRefusesIt() {
        assertThatThrownBy(() -> InstantText.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
    }
}
