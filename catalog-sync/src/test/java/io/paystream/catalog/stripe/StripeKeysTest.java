package io.paystream.catalog.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripeKeysTest {

    @Test
    void masksKeepTheModeAndTheLastFourOnly() {
        assertThat(StripeKeys.mask("sk_live_51HxYzAbCdEf1234")).isEqualTo("sk_live_...1234");
        assertThat(StripeKeys.mask("rk_test_abcdefgh")).isEqualTo("rk_test_...efgh");
        assertThat(StripeKeys.mask("whatever")).isEqualTo("(unrecognised key)");
        assertThat(StripeKeys.mask("")).isEqualTo("(none)");
    }

    @Test
    void keysInsideMessagesAreMasked() {
        assertThat(StripeKeys.maskAll("Invalid API Key provided: sk_test_abcdef123456 for acct_1"))
                .isEqualTo("Invalid API Key provided: sk_test_...3456 for acct_1");
    }

    @Test
    void modesAreToldApart() {
        assertThat(StripeKeys.isTestKey("sk_test_x")).isTrue();
        assertThat(StripeKeys.isTestKey("sk_live_x")).isFalse();
        assertThat(StripeKeys.isLiveKey("rk_live_x")).isTrue();
        assertThat(StripeKeys.isLiveKey("pk_live_x"))
                .as("publishable keys cannot list a catalog")
                .isFalse();
    }
}
