package io.paystream.catalog.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.crypto.SecretCipher;
import io.paystream.support.LiveProfile;
import io.paystream.support.crypto.CryptoProperties;
import io.paystream.support.crypto.SecretCipherConfiguration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What the service refuses to start with, and what it falls back to outside the live profile. */
class StartupGuardsTest {

    private static MockEnvironment live() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(LiveProfile.NAME);
        return environment;
    }

    @Test
    void theLiveProfileNeedsAnAdminToken() {
        assertThatThrownBy(() -> SecurityConfiguration.adminToken(new AdminSecurityProperties(""), live()))
                .hasMessageContaining("PAYSTREAM_ADMIN_TOKEN");
        assertThat(SecurityConfiguration.adminToken(new AdminSecurityProperties("s3cret"), live()))
                .isEqualTo("s3cret");
    }

    @Test
    void withoutTheLiveProfileTheDevelopmentTokenAndKeyAreUsed() {
        assertThat(SecurityConfiguration.adminToken(new AdminSecurityProperties(""), new MockEnvironment()))
                .isEqualTo(AdminTokenAuthentication.DEVELOPMENT_TOKEN);
        assertThat(SecretCipherConfiguration.cipherFor(new CryptoProperties("", Map.of()), false)
                        .activeKeyId())
                .isEqualTo(SecretCipher.DEVELOPMENT_KEY_ID);
    }

    @Test
    void aMisconfiguredKeySaysWhatIsWrongWithoutTheKey() {
        assertThatThrownBy(() ->
                        SecretCipherConfiguration.cipherFor(new CryptoProperties("k1", Map.of("k1", "c2hvcnQ=")), true))
                .hasMessageContaining("paystream.crypto")
                .hasMessageNotContaining("c2hvcnQ=");
    }

    /** One rule with webhook-ingest now: before service-support, catalog-sync refused a key without an active id. */
    @Test
    void aSingleKeyNeedsNoActiveKeyId() {
        String key = Base64.getEncoder().encodeToString("k1-test-key-0123456789abcdefghij".getBytes());

        SecretCipher cipher = SecretCipherConfiguration.cipherFor(new CryptoProperties("", Map.of("k1", key)), true);

        assertThat(cipher.activeKeyId()).isEqualTo("k1");
        assertThat(cipher.encrypt("whsec_x")).startsWith("v1.k1.");
    }
}
