package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Objects a test placed are retrievable through stripe-java, scoped to their account and mode like any other. */
class ServedObjectsTest {

    private StripeEmulator emulator;
    private StripeClient test;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
        test = Clients.forKey(emulator, emulator.platformAccount().testSecretKey());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aServedCustomerIsRetrievedAsStripeJavaExpectsIt() throws Exception {
        String platform = emulator.platformAccount().id();
        emulator.serveObject(
                platform,
                false,
                "/v1/customers",
                "{\"id\":\"cus_served\",\"object\":\"customer\",\"email\":\"a@b.c\"}");

        Customer customer = test.v1().customers().retrieve("cus_served");

        assertThat(customer.getEmail()).isEqualTo("a@b.c");
    }

    @Test
    void anotherModeOrAccountDoesNotSeeIt() throws Exception {
        EmulatedAccount connected = emulator.createAccount(AccountSpec.newConnected());
        emulator.serveObject(connected.id(), false, "/v1/customers", "{\"id\":\"cus_conn\",\"object\":\"customer\"}");

        assertThatThrownBy(() -> test.v1().customers().retrieve("cus_conn"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).getStatusCode())
                        .isEqualTo(404));
        assertThat(test.v1()
                        .customers()
                        .retrieve(
                                "cus_conn",
                                RequestOptions.builder()
                                        .setStripeAccount(connected.id())
                                        .build())
                        .getId())
                .isEqualTo("cus_conn");
    }
}
