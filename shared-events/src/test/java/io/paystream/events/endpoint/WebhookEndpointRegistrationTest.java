package io.paystream.events.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.paystream.events.Schemas;
import io.paystream.events.crypto.SecretCipher;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookEndpointRegistrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final WebhookEndpointRegistration registration = new WebhookEndpointRegistration(
            "conn_3f2a",
            "acme",
            "acct_1Acme",
            WebhookEndpointRegistration.BOTH,
            List.of(
                    SecretCipher.development().encrypt("whsec_1"),
                    SecretCipher.development().encrypt("whsec_2")),
            Instant.parse("2026-11-22T10:00:00.123Z"));

    private static JsonSchema schema() throws Exception {
        try (InputStream in = Schemas.open(WebhookEndpointRegistration.SCHEMA_LOCATION)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    @Test
    void jacksonsDefaultRecordJsonMatchesTheSchemaAndReadsBack() throws Exception {
        String value = json.writeValueAsString(registration);

        assertThat(value)
                .contains("\"endpointId\":\"conn_3f2a\"")
                .contains("\"registeredAt\":\"2026-11-22T10:00:00.123Z\"");
        assertThat(schema().validate(value, InputFormat.JSON)).isEmpty();
        assertThat(json.readValue(value, WebhookEndpointRegistration.class)).isEqualTo(registration);
    }

    @Test
    void theSchemaRefusesWhatTheRecordRefuses() throws Exception {
        JsonSchema schema = schema();
        String valid = json.writeValueAsString(registration);

        assertThat(schema.validate(valid.replace("\"both\"", "\"sometimes\""), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(valid.replace("acct_1Acme", "cus_1"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(valid.replace("conn_3f2a", "conn/3f2a"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate("{\"endpointId\":\"conn_1\"}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(
                        valid.replaceFirst(
                                "\"encryptedSecrets\":\\[\"[^\"]+\"", "\"encryptedSecrets\":[\"whsec_plain\""),
                        InputFormat.JSON))
                .as("a plaintext secret is not an envelope")
                .isNotEmpty();
    }

    @Test
    void invalidRegistrationsCannotBeBuilt() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new WebhookEndpointRegistration("conn/1", "t", "acct_1", "both", List.of(), now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookEndpointRegistration("conn_1", " ", "acct_1", "both", List.of(), now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookEndpointRegistration("conn_1", "t", null, "both", List.of(), now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookEndpointRegistration("conn_1", "t", "acct_1", "LIVE", List.of(), now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookEndpointRegistration("conn_1", "t", "acct_1", "live", List.of(), null))
                .isInstanceOf(NullPointerException.class);
        assertThat(new WebhookEndpointRegistration("conn_1", "t", "acct_1", "live", null, now).encryptedSecrets())
                .isEmpty();
    }

    @Test
    void toStringCountsSecretsInsteadOfPrintingThem() {
        assertThat(registration.toString())
                .contains("secrets=2")
                .doesNotContain(registration.encryptedSecrets().get(0));
    }
}
