package io.paystream.ingest.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.ingest.TestEvents;
import io.paystream.testsupport.StripeWebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives in {@code Stripe-Signature}, verification returns a verdict and never throws (a throw would be a 500
 * and, for Stripe, a retry storm). Seeded, so a failure reproduces.
 */
class SignatureHeaderFuzzTest {

    private static final String SECRET = "whsec_fuzz_secret";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String ALPHABET = "tv01=,. -+xX9aAfFgG\t\u0000\u00e9\uffff\ud83d\ude00;:\"'\\";

    private final StripeSignatureVerifier verifier = new StripeSignatureVerifier(Duration.ofSeconds(300));
    private final List<SigningSecret> secrets = List.of(new SigningSecret(SECRET));
    private final byte[] body = TestEvents.snapshot("evt_fuzz", "pi_fuzz");
    private final String valid = StripeWebhookSigner.header(body, SECRET, NOW);

    @Test
    void randomHeadersNeverThrowAndNeverPass() {
        Random random = new Random(20261122L);
        for (int i = 0; i < 50_000; i++) {
            String header = random.nextBoolean() ? randomText(random) : mutate(valid, random);
            SignatureVerdict verdict = verifier.verify(header, body, secrets, NOW);
            assertThat(verdict).as("header <%s>", header).isNotNull();
            if (verdict == SignatureVerdict.VALID) {
                // a mutation may leave a valid v1 intact; then the header must still carry the real signature
                assertThat(header).containsIgnoringCase(valid.substring(valid.indexOf("v1=") + 3));
            }
        }
    }

    @Test
    void handPickedNastyHeadersNeverThrow() {
        String v1 = valid.substring(valid.indexOf("v1=") + 3);
        List<String> nasty = new ArrayList<>(List.of(
                "t=",
                "t==",
                "=t",
                "t=1,v1=",
                "t=1,v1",
                "t=1,=v1",
                "t=1,v1==" + v1,
                "t=1,v1=" + v1 + v1,
                "t=1,v1=" + v1.substring(1),
                "t=1,v1=" + v1.substring(0, 63) + "g",
                "t=9223372036854775807,v1=" + v1,
                "t=9223372036854775808,v1=" + v1,
                "t=-9223372036854775808,v1=" + v1,
                "t=0x10,v1=" + v1,
                "t=\u0661\u0662,v1=" + v1,
                "t=1\u0000,v1=" + v1,
                "\u0000",
                "t=1,v1=" + "\u0660".repeat(64),
                ",".repeat(10_000),
                "t=1," + "v1=x,".repeat(5_000),
                "t=1," + ("v1=" + v1 + ",").repeat(200),
                "v1=" + v1 + ",t=" + NOW.getEpochSecond(),
                valid.replace("t=", "T="),
                valid.replace("v1=", "V1="),
                valid + ",t=" + NOW.getEpochSecond(),
                "t=" + NOW.getEpochSecond() + ";v1=" + v1,
                " ".repeat(100) + valid + " ".repeat(100),
                "\ud83d\ude00=\ud83d\ude00"));
        for (String header : nasty) {
            assertThat(verifier.verify(header, body, secrets, NOW))
                    .as("header <%s>", header)
                    .isNotNull();
        }
        assertThat(verifier.verify("v1=" + v1 + ",t=" + NOW.getEpochSecond(), body, secrets, NOW))
                .as("item order does not matter")
                .isEqualTo(SignatureVerdict.VALID);
        assertThat(verifier.verify(valid + ",t=" + NOW.getEpochSecond(), body, secrets, NOW))
                .as("two timestamps are ambiguous")
                .isEqualTo(SignatureVerdict.MALFORMED_HEADER);
    }

    private static String randomText(Random random) {
        int length = random.nextInt(120);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String mutate(String header, Random random) {
        StringBuilder mutated = new StringBuilder(header);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !mutated.isEmpty(); i++) {
            int at = random.nextInt(mutated.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> mutated.setCharAt(at, c);
                case 1 -> mutated.insert(at, c);
                default -> mutated.deleteCharAt(at);
            }
        }
        return mutated.toString();
    }
}
