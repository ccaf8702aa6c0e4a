package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.model.Account;
import com.stripe.model.CountrySpec;
import com.stripe.model.Product;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountUpdateParams;
import com.stripe.param.ProductCreateParams;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectAccountsTest {

    private static StripeEmulator emulator;
    private static StripeClient platform;

    @BeforeAll
    static void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
        platform = Clients.forKey(emulator, emulator.platformAccount().testSecretKey());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theStripeAccountHeaderScopesEveryCallToThatConnectedAccount() throws Exception {
        EmulatedAccount connected = emulator.createAccount(AccountSpec.newConnected());
        emulator.seedCatalog(connected.id(), false, 3, 1);
        StripeClient asConnected =
                Clients.forConnected(emulator, emulator.platformAccount().testSecretKey(), connected.id());

        assertThat(asConnected.v1().accounts().retrieveCurrent().getId()).isEqualTo(connected.id());
        assertThat(asConnected.v1().products().list().getData()).hasSize(3);
        Product own = asConnected
                .v1()
                .products()
                .create(ProductCreateParams.builder().setName("Connected only").build());
        assertThat(platform.v1().products().list().getData())
                .extracting(Product::getId)
                .doesNotContain(own.getId());
        assertThatThrownBy(() -> platform.v1().products().retrieve(own.getId()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anotherAccountsKeyCannotActOnAConnectedAccount() {
        EmulatedAccount connected = emulator.createAccount(AccountSpec.newConnected());
        EmulatedAccount stranger = emulator.createAccount(AccountSpec.activeStandalone());

        assertThatThrownBy(() -> Clients.forConnected(emulator, stranger.testSecretKey(), connected.id())
                        .v1()
                        .products()
                        .list())
                .isInstanceOfSatisfying(PermissionException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains(connected.id()).doesNotContain(stranger.testSecretKey());
                });
        assertThatThrownBy(() -> Clients.forKey(emulator, stranger.testSecretKey())
                        .v1()
                        .accounts()
                        .retrieve(connected.id()))
                .isInstanceOf(PermissionException.class);
        assertThatThrownBy(() -> platform.v1().accounts().retrieve("acct_1DoesNotExist00"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                });
    }

    @Test
    void thePlatformCreatesAndUpdatesConnectAccounts() throws Exception {
        Account created = platform.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("GB")
                        .setEmail("shop@example.com")
                        .setCapabilities(AccountCreateParams.Capabilities.builder()
                                .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder()
                                        .setRequested(true)
                                        .build())
                                .build())
                        .build());

        assertThat(created.getId()).startsWith("acct_");
        assertThat(created.getType()).isEqualTo("express");
        assertThat(created.getCountry()).isEqualTo("GB");
        assertThat(created.getDefaultCurrency()).isEqualTo("gbp");
        assertThat(created.getChargesEnabled()).isFalse();
        assertThat(created.getDetailsSubmitted()).isFalse();
        assertThat(created.getRequirements().getCurrentlyDue()).contains("external_account");
        assertThat(created.getRequirements().getEventuallyDue())
                .containsAll(created.getRequirements().getCurrentlyDue());
        assertThat(created.getCapabilities().getCardPayments()).isEqualTo("inactive");

        Account updated = platform.v1()
                .accounts()
                .update(
                        created.getId(),
                        AccountUpdateParams.builder()
                                .setEmail("owner@example.com")
                                .putMetadata("shop", "42")
                                .build());
        assertThat(updated.getEmail()).isEqualTo("owner@example.com");
        assertThat(updated.getMetadata()).containsEntry("shop", "42");
        assertThat(platform.v1().accounts().list().getData())
                .extracting(Account::getId)
                .contains(created.getId());
    }

    @Test
    void countrySpecsSayWhichCurrenciesAnAccountCanCharge() throws Exception {
        for (String country : List.of("US", "GB", "CA", "AU", "FR", "DE")) {
            CountrySpec spec = platform.v1().countrySpecs().retrieve(country);
            assertThat(spec.getSupportedPaymentCurrencies()).contains(spec.getDefaultCurrency(), "usd", "eur");
        }
        assertThat(platform.v1().countrySpecs().retrieve("FR").getDefaultCurrency())
                .isEqualTo("eur");
        assertThatThrownBy(() -> platform.v1().countrySpecs().retrieve("XX"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(404));
    }
}
