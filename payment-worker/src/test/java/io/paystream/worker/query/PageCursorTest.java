package io.paystream.worker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.support.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsTheSortKeyWithinItsScope() {
        PageCursor cursor = new PageCursor(Instant.ofEpochSecond(1794721600), "pi_123_abc");
        String token = cursor.encode("payments A");

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(token, "payments A")).isEqualTo(cursor);
        assertThat(PageCursor.decode(new PageCursor(null, "pi_1").encode("s"), "s"))
                .isEqualTo(new PageCursor(null, "pi_1"));
    }

    @Test
    void refusesOtherScopesAndAnyEditedCharacter() {
        String token = new PageCursor(Instant.ofEpochSecond(1794721600), "pi_123_abc").encode("payments A");

        assertThatThrownBy(() -> PageCursor.decode(token, "payments B")).isInstanceOf(ProblemException.class);
        for (int i = 0; i < token.length(); i++) {
            String edited = token.substring(0, i) + (token.charAt(i) == 'x' ? 'y' : 'x') + token.substring(i + 1);
            assertThatThrownBy(() -> PageCursor.decode(edited, "payments A"))
                    .as("edited at %d", i)
                    .isInstanceOf(ProblemException.class);
        }
        assertThatThrownBy(() -> PageCursor.decode("x".repeat(5000), "payments A"))
                .isInstanceOf(ProblemException.class);
    }
}
