package io.paystream.catalog.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListedPageTest {

    private static final Instant AT = Instant.parse("2026-12-07T13:00:05.123Z");

    @Test
    void eachObjectIsTheExactTextStripeSentWhateverItsSpacingAndNesting() {
        String first =
                "{\"id\": \"cus_2\", \"object\":\"customer\",\"metadata\":{\"a\":\"}{\\\"\"},\"n\":[1,{\"x\":2}]}";
        String second = "{\n  \"id\" : \"cus_1\",\n  \"object\" : \"customer\", \"name\": \"Zoë \\u00e9\"\n}";
        String body = "{\"object\":\"list\",\"url\":\"/v1/customers\",\"data\":[" + first + " ,\n " + second
                + "],\"has_more\":true}";

        ListedPage page = ListedPage.parse(body, AT);

        assertThat(page.objects()).containsExactly(first, second);
        assertThat(page.items())
                .extracting(ListedPage.Item::type, ListedPage.Item::id)
                .containsExactly(tuple("customer", "cus_2"), tuple("customer", "cus_1"));
        assertThat(page.hasMore()).isTrue();
        assertThat(page.lastId()).isEqualTo("cus_1");
        assertThat(page.fetchedAt()).isEqualTo(AT);
    }

    @Test
    void theLastPageAndAnEmptyListEndTheListing() {
        ListedPage last = ListedPage.parse(
                "{\"has_more\":false,\"data\":[{\"id\":\"ch_1\",\"object\":\"charge\"}],\"object\":\"list\"}", AT);
        ListedPage empty = ListedPage.parse("{\"object\":\"list\",\"data\":[],\"has_more\":false}", AT);

        assertThat(last.hasMore()).isFalse();
        assertThat(last.lastId()).isEqualTo("ch_1");
        assertThat(empty.objects()).isEmpty();
        assertThat(empty.lastId()).isNull();
    }

    @Test
    void anAnswerThatIsNotAListIsRefused() {
        assertThatThrownBy(() -> ListedPage.parse("{\"object\":\"customer\",\"id\":\"cus_1\"}", AT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ListedPage.parse("{\"data\":[{\"object\":\"x\"}],\"has_more\":true}", AT))
                .as("no id to continue from")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ListedPage.parse("{\"data\":[{\"id\":\"ch_1\"}],\"has_more\":false}", AT))
                .as("not a Stripe object: no 'object' field")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSingleObjectIsOneItemWithItsTypeAndIdIfItHasOne() {
        ListedPage balance = ListedPage.single(" {\"object\":\"balance\",\"available\":[{\"amount\":1}]}\n", AT);

        assertThat(balance.items())
                .containsExactly(new ListedPage.Item(
                        "{\"object\":\"balance\",\"available\":[{\"amount\":1}]}", "balance", null));
        assertThat(balance.hasMore()).isFalse();
    }

    @Test
    void pageRequestsCarryTheLimitTheCursorAndForSubscriptionsEveryStatus() {
        assertThat(BackfillType.CUSTOMERS.request(100, null)).isEqualTo("/v1/customers?limit=100");
        assertThat(BackfillType.CHARGES.request(50, "ch_9")).isEqualTo("/v1/charges?limit=50&starting_after=ch_9");
        assertThat(BackfillType.SUBSCRIPTIONS.request(100, null)).isEqualTo("/v1/subscriptions?status=all&limit=100");
        assertThat(BackfillType.CHECKOUT_SESSIONS.request(100, "cs_1"))
                .isEqualTo("/v1/checkout/sessions?limit=100&starting_after=cs_1");
        assertThat(BackfillType.BALANCE.request(100, null)).isEqualTo("/v1/balance");
        assertThat(BackfillType.of(" Payment_Intents")).hasValue(BackfillType.PAYMENT_INTENTS);
    }
}
