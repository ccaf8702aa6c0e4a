package io.paystream.worker.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Walks {@code GET /api/payments} page by page over one connected account's payments: many runs of three lifecycles
 * (payments created in three different seconds, so most keys tie on {@code created} and the id decides), in test mode
 * plus a few in live mode.
 */
@Import(EmbeddedMongoTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPaginationTest extends QueryApiTest {

    private static final int TEST_RUNS = 8;
    private static final int LIVE_RUNS = 3;
    private static final int PAGE = 4;

    private final String account = "acct_" + newRunId();
    private final Set<String> testPayments = new HashSet<>();
    private final Set<String> livePayments = new HashSet<>();

    @BeforeAll
    void deliverPayments() {
        for (int i = 0; i < TEST_RUNS; i++) {
            String run = newRunId();
            deliver("card_checkout_success", run, Integer.MAX_VALUE, false, account);
            deliver("card_decline_then_success", run, Integer.MAX_VALUE, false, account);
            deliver("partial_and_full_refund", run, Integer.MAX_VALUE, false, account);
            testPayments.addAll(List.of("pi_" + run + "_ccs", "pi_" + run + "_dts", "pi_" + run + "_pfr"));
        }
        for (int i = 0; i < LIVE_RUNS; i++) {
            String run = newRunId();
            deliver("card_checkout_success", run, Integer.MAX_VALUE, true, account);
            livePayments.add("pi_" + run + "_ccs");
        }
    }

    @Test
    void walkingAllPagesReturnsEveryPaymentOnceInAStableNewestFirstOrder() {
        List<JsonNode> walked = walk("/api/payments?account=" + account + "&limit=" + PAGE);

        List<String> ids = walked.stream().map(p -> p.path("id").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(testPayments);
        assertThat(walked)
                .isSortedAccordingTo(Comparator.comparing(
                                (JsonNode p) -> Instant.parse(p.path("created").asString()))
                        .thenComparing(p -> p.path("id").asString())
                        .reversed());
        assertThat(walk("/api/payments?account=" + account + "&limit=" + PAGE).stream()
                        .map(p -> p.path("id").asString())
                        .toList())
                .containsExactlyElementsOf(ids);
        assertThat(walk("/api/payments?account=" + account + "&limit=100")).hasSize(testPayments.size());
    }

    @Test
    void testAndLiveDataNeverMix() {
        List<JsonNode> test = walk("/api/payments?account=" + account + "&limit=" + PAGE);
        List<JsonNode> live = walk("/api/payments?account=" + account + "&livemode=true&limit=2");

        assertThat(test)
                .allSatisfy(p -> assertThat(p.path("livemode").asBoolean()).isFalse());
        assertThat(live)
                .allSatisfy(p -> assertThat(p.path("livemode").asBoolean()).isTrue());
        assertThat(live.stream().map(p -> p.path("id").asString())).containsExactlyInAnyOrderElementsOf(livePayments);
        assertThat(get("/api/payouts?livemode=true&account=" + account)
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void aCursorOnlyContinuesTheListItWasIssuedFor() {
        String cursor = firstPage("/api/payments?account=" + account + "&limit=2")
                .path("nextCursor")
                .asString();

        assertThat(get("/api/payments?account=" + account + "&limit=2&cursor=" + cursor)
                        .status())
                .isEqualTo(200);
        Answer otherMode = get("/api/payments?account=" + account + "&livemode=true&limit=2&cursor=" + cursor);
        assertThat(otherMode.status()).isEqualTo(400);
        assertThat(otherMode.contentType()).startsWith("application/problem+json");
        assertThat(otherMode.json().path("detail").asString()).startsWith("cursor:");
        assertThat(get("/api/payments?account=" + account + "&status=succeeded&limit=2&cursor=" + cursor)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aTamperedCursorIsABadRequest() {
        String cursor = firstPage("/api/payments?account=" + account + "&limit=2")
                .path("nextCursor")
                .asString();
        int middle = cursor.length() / 2;
        String tampered =
                cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A') + cursor.substring(middle + 1);

        for (String bad : List.of(tampered, cursor.substring(0, cursor.length() - 3), "not a cursor!", "")) {
            Answer answer = get("/api/payments?account=" + account + "&limit=2&cursor="
                    + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            if (bad.isEmpty()) {
                assertThat(answer.status()).isEqualTo(200); // an empty cursor is the first page
                continue;
            }
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void limitOutsideOneToHundredIsABadRequest() {
        for (String limit : List.of("0", "101", "-1", "many")) {
            Answer answer = get("/api/payments?limit=" + limit);
            assertThat(answer.status()).as(limit).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("detail").asString()).startsWith("limit:");
            assertThat(answer.text()).doesNotContain("Exception", "at io.", "at org.");
        }
        assertThat(get("/api/payments?limit=1").status()).isEqualTo(200);
        assertThat(get("/api/payments?limit=100").status()).isEqualTo(200);
    }

    private JsonNode firstPage(String path) {
        JsonNode page = get(path).json();
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        return page;
    }

    /** Follows nextCursor to the end; every page but the last is full and says hasMore. */
    private List<JsonNode> walk(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer answer = get(path + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(answer.status()).isEqualTo(200);
            JsonNode page = answer.json();
            page.path("data").forEach(items::add);
            boolean hasMore = page.path("hasMore").asBoolean();
            cursor = hasMore ? page.path("nextCursor").asString() : null;
            if (!hasMore) {
                assertThat(page.path("nextCursor").isNull()).isTrue();
            }
            assertThat(++pages).isLessThan(1000);
        } while (cursor != null);
        return items;
    }
}
