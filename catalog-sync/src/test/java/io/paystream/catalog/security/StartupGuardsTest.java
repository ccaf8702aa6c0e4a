package io.paystream.catalog.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.crypto.SecretCipher;
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
        assertThat(new CipherConfiguration()
                        .secretCipher(new CryptoProperties("", Map.of()), new MockEnvironment())
                        .activeKeyId())
                .isEqualTo(SecretCipher.DEVELOPMENT_KEY_ID);
    }

    @Test
    void aMisconfiguredKeySaysWhatIsWrongWithoutTheKey() {
        assertThatThrownBy(() -> new CipherConfiguration()
                        .secretCipher(new CryptoProperties("k1", Map.of("k1", "c2hvcnQ=")), live()))
                .hasMessageContaining("paystream.crypto")
                .hasMessageNotContaining("c2hvcnQ=");
    }
}
