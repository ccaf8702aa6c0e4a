package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.Product;
import com.stripe.net.RequestOptions;
import com.stripe.param.ProductCreateParams;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitsAndFaultsTest {

    private StripeEmulator emulator;
    private StripeClient test;
    private StripeClient live;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults());
        test = Clients.forKey(emulator, emulator.platformAccount().testSecretKey());
        live = Clients.forKey(emulator, emulator.platformAccount().liveSecretKey());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void requestsOverTheModesRateAre429sThatStripeJavaSurfacesAsRateLimitException() throws Exception {
        emulator.setRateLimits(5, 100);

        int limited = 0;
        for (int i = 0; i < 30; i++) {
            try {
                test.v1().products().list();
            } catch (RateLimitException e) {
                assertThat(e.getStatusCode()).isEqualTo(429);
                assertThat(e.getCode()).isEqualTo("rate_limit");
                limited++;
            }
        }
        assertThat(limited).isGreaterThan(0);
        for (int i = 0; i < 30; i++) {
            live.v1().products().list();
        }
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(RateLimitException.class)
                .until(() -> test.v1().products().list() != null);
    }

    @Test
    void zeroTurnsTheLimitOff() throws Exception {
        emulator.setRateLimits(0, 0);

        for (int i = 0; i < 60; i++) {
            test.v1().products().list();
        }
        assertThat(emulator.requestCount("GET", "/v1/products")).isEqualTo(60);
    }

    @Test
    void failNextInjectsStripesErrorsThenRecovers() throws Exception {
        emulator.failNext(2, 500);

        assertThatThrownBy(() -> test.v1().products().list())
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThatThrownBy(() -> test.v1().products().list()).isInstanceOf(ApiException.class);
        assertThat(test.v1().products().list().getData()).isEmpty();

        emulator.failNext(1, 429);
        assertThatThrownBy(() -> test.v1().products().list()).isInstanceOf(RateLimitException.class);
        assertThat(emulator.requestCount("GET", "/v1/products")).isEqualTo(4);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() throws Exception {
        RequestOptions once =
                RequestOptions.builder().setIdempotencyKey("create-hat").build();
        ProductCreateParams hat = ProductCreateParams.builder().setName("Hat").build();

        Product first = test.v1().products().create(hat, once);
        Product replayed = test.v1().products().create(hat, once);

        assertThat(replayed.getId()).isEqualTo(first.getId());
        assertThat(replayed.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
        assertThat(test.v1().products().list().getData()).hasSize(1);
        assertThat(test.v1().events().list().getData()).hasSize(1).allSatisfy(event -> assertThat(
                        event.getRequest().getIdempotencyKey())
                .isEqualTo("create-hat"));
        assertThatThrownBy(() -> test.v1()
                        .products()
                        .create(ProductCreateParams.builder().setName("Cap").build(), once))
                .isInstanceOf(IdempotencyException.class);
    }
}
