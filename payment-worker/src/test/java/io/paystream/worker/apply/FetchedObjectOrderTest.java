package io.paystream.worker.apply;

import static io.paystream.worker.apply.TestEvents.customer;
import static io.paystream.worker.apply.TestEvents.event;
import static io.paystream.worker.apply.TestEvents.invoice;
import static io.paystream.worker.apply.TestEvents.paymentIntent;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.fetched.FetchedObject;
import io.paystream.worker.EngineRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fetched object orders as an event created in the second it was fetched: older-second events are stale against it,
 * newer-second events replace it; in its second the status precedence decides first, then an event beats a fetch
 * whatever the ids, and of two fetches the greater id wins. Every case is run in every arrival order, one record at a
 * time and as one polled batch, in refetch mode: a tie with a fetched object must never be refetched.
 */
class FetchedObjectOrderTest {

    private static final long SECOND = 1_794_900_000L;

    private final AtomicInteger refetches = new AtomicInteger();
    private final ObjectRefetcher stripeNow = event -> {
        refetches.incrementAndGet();
        return Optional.of(JsonMapper.builder().build().readTree(customer("cus_f", "refetched@example.com")));
    };

    @Test
    void anEventOfAnEarlierSecondIsStaleAgainstAFetchedObject() {
        byte[] older = event("evt_older", "customer.updated", SECOND - 1, customer("cus_f", "event@example.com"));
        byte[] fetched = fetch("run_1", SECOND, customer("cus_f", "fetched@example.com"));

        for (Document customer : finalStates("customers", "cus_f", List.of(older, fetched))) {
            assertThat(customer.getString("email")).isEqualTo("fetched@example.com");
            assertThat(customer.getString("lastEventType")).isEqualTo("customer.fetched");
        }
    }

    @Test
    void anEventOfALaterSecondReplacesAFetchedObject() {
        byte[] newer = event("evt_newer", "customer.updated", SECOND + 1, customer("cus_f", "event@example.com"));
        byte[] fetched = fetch("run_1", SECOND, customer("cus_f", "fetched@example.com"));

        for (Document customer : finalStates("customers", "cus_f", List.of(newer, fetched))) {
            assertThat(customer.getString("email")).isEqualTo("event@example.com");
            assertThat(customer.getString("lastEventId")).isEqualTo("evt_newer");
        }
    }

    @Test
    void inTheSameSecondAtEqualPrecedenceTheEventWinsWhateverTheIdsAndNothingIsRefetched() {
        byte[] fetched = fetch("run_1", SECOND, customer("cus_f", "fetched@example.com"));
        // evt_ sorts before fetch_, zz_ after it: the id must not matter.
        for (String eventId : List.of("evt_same", "zz_evt_same")) {
            byte[] same = event(eventId, "customer.updated", SECOND, customer("cus_f", "event@example.com"));

            for (Document customer : finalStates("customers", "cus_f", List.of(same, fetched))) {
                assertThat(customer.getString("email")).as(eventId).isEqualTo("event@example.com");
                assertThat(customer.getString("lastEventId")).isEqualTo(eventId);
            }
        }
        assertThat(refetches).hasValue(0);
    }

    @Test
    void inTheSameSecondTheHigherPrecedenceWinsWhetherFetchedOrNot() {
        byte[] paidEvent = event("evt_paid", "invoice.paid", SECOND, invoice("in_f", "paid", 1));
        byte[] openFetched = fetch("run_1", SECOND, invoice("in_f", "open", 1));
        for (Document invoice : finalStates("invoices", "in_f", List.of(paidEvent, openFetched))) {
            assertThat(invoice.getString("status")).isEqualTo("paid");
            assertThat(invoice.getString("lastEventId")).isEqualTo("evt_paid");
        }

        byte[] openEvent = event("evt_open", "invoice.updated", SECOND, invoice("in_f", "open", 1));
        FetchedObject paid = Fetches.backfill("run_1", SECOND, invoice("in_f", "paid", 1));
        for (Document invoice : finalStates("invoices", "in_f", List.of(openEvent, paid.toValue()))) {
            assertThat(invoice.getString("status")).isEqualTo("paid");
            assertThat(invoice.getString("lastEventId")).isEqualTo(paid.id().value());
        }
    }

    @Test
    void ofTwoFetchesInOneSecondTheGreaterIdWins() {
        byte[] first = fetch("run_a", SECOND, customer("cus_f", "a@example.com"));
        byte[] second = fetch("run_b", SECOND, customer("cus_f", "b@example.com"));

        for (Document customer : finalStates("customers", "cus_f", List.of(first, second))) {
            assertThat(customer.getString("email")).isEqualTo("b@example.com");
            assertThat(customer.getString("lastEventId")).isEqualTo("fetch_run_b_cus_f");
        }
        assertThat(refetches).hasValue(0);
    }

    @Test
    void aFetchedObjectBetweenAnOlderAndANewerEventConvergesInEveryOrder() {
        byte[] older = event("evt_1", "customer.updated", SECOND - 5, customer("cus_f", "older@example.com"));
        byte[] fetched = fetch("run_1", SECOND, customer("cus_f", "fetched@example.com"));
        byte[] newer = event("evt_2", "customer.updated", SECOND + 5, customer("cus_f", "newer@example.com"));
        byte[] same = event("evt_3", "customer.updated", SECOND, customer("cus_f", "same@example.com"));

        for (Document customer : finalStates("customers", "cus_f", List.of(older, fetched, newer))) {
            assertThat(customer.getString("email")).isEqualTo("newer@example.com");
        }
        for (Document customer : finalStates("customers", "cus_f", List.of(older, fetched, same))) {
            assertThat(customer.getString("email")).isEqualTo("same@example.com");
        }
    }

    @Test
    void aTerminalStateNeverRegressesWhetherItWasFetchedOrTheLaterStateIs() {
        byte[] succeededFetched = fetch("run_1", SECOND, paymentIntent("pi_f", "succeeded"));
        byte[] processingLater =
                event("evt_p", "payment_intent.processing", SECOND + 60, paymentIntent("pi_f", "processing"));
        for (Document intent : finalStates("payment_intents", "pi_f", List.of(succeededFetched, processingLater))) {
            assertThat(intent.getString("status")).isEqualTo("succeeded");
        }

        byte[] succeededEvent = event("evt_s", "payment_intent.succeeded", SECOND, paymentIntent("pi_f", "succeeded"));
        byte[] processingFetchedLater = fetch("run_2", SECOND + 60, paymentIntent("pi_f", "processing"));
        for (Document intent :
                finalStates("payment_intents", "pi_f", List.of(succeededEvent, processingFetchedLater))) {
            assertThat(intent.getString("status")).isEqualTo("succeeded");
            assertThat(intent.getString("lastEventId")).isEqualTo("evt_s");
        }
    }

    private static byte[] fetch(String run, long second, String objectJson) {
        return Fetches.backfill(run, second, objectJson).toValue();
    }

    /**
     * Applies {@code records} in every order, one at a time and as one batch, each on an empty database; the final
     * document of every run, all alike but for what {@link EngineRun#VOLATILE} lists.
     */
    private List<Document> finalStates(String collection, String id, List<byte[]> records) {
        List<Document> states = new ArrayList<>();
        for (List<byte[]> order : permutations(records)) {
            try (EngineRun run = new EngineRun(stripeNow)) {
                order.forEach(run::apply);
                states.add(run.find(collection, id));
            }
            try (EngineRun run = new EngineRun(stripeNow)) {
                run.applyAll(order);
                states.add(run.find(collection, id));
            }
        }
        states.forEach(state -> EngineRun.VOLATILE.forEach(state::remove));
        assertThat(states).as("every order converges").allSatisfy(state -> assertThat(state)
                .isEqualTo(states.get(0)));
        return states;
    }

    private static List<List<byte[]>> permutations(List<byte[]> records) {
        if (records.size() <= 1) {
            return List.of(records);
        }
        List<List<byte[]>> all = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<byte[]> rest = new ArrayList<>(records);
            byte[] first = rest.remove(i);
            for (List<byte[]> tail : permutations(rest)) {
                List<byte[]> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
