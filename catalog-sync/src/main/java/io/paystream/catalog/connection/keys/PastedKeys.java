package io.paystream.catalog.connection.keys;

import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.connection.Mode;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The checks on a pasted key pair that need no call to Stripe, in the order a person would want to hear about them:
 * each key shaped like a Stripe key, each in the right field, both from the same mode, that mode the declared one.
 */
record PastedKeys(ApiKey publishable, ApiKey secret) {

    /** @param declaredMode live, test, or null for the keys' own mode */
    static PastedKeys check(String publishableText, String secretText, @Nullable String declaredMode) {
        ApiKey publishable = shaped("publishableKey", publishableText);
        ApiKey secret = shaped("secretKey", secretText);
        if (publishable.type() != ApiKey.Type.PUBLISHABLE) {
            throw wrongType(
                    "publishableKey",
                    "The publishable key field holds a " + describe(publishable) + ". Paste the key that starts with "
                            + ApiKey.prefix(ApiKey.Type.PUBLISHABLE, publishable.mode()) + " here.");
        }
        if (secret.type() == ApiKey.Type.PUBLISHABLE) {
            throw wrongType(
                    "secretKey",
                    "The secret key field holds a publishable key (" + secret.masked() + "). Paste the secret key"
                            + " that starts with " + ApiKey.prefix(ApiKey.Type.SECRET, secret.mode())
                            + " (or a restricted key " + ApiKey.prefix(ApiKey.Type.RESTRICTED, secret.mode())
                            + ") here.");
        }
        if (publishable.mode() != secret.mode()) {
            throw new ConnectionRejectedException(
                    ConnectionProblem.KEY_MODE_MISMATCH,
                    "The publishable key is a " + publishable.mode().value() + " key and the secret key a "
                            + secret.mode().value() + " key. Copy both from the same mode of the Stripe Dashboard"
                            + " (the Test mode switch decides which pair you see).");
        }
        if (declaredMode != null && !declaredMode.equals(secret.mode().value())) {
            Mode wanted = Mode.of(declaredMode);
            ConnectionProblem problem =
                    wanted == Mode.LIVE ? ConnectionProblem.TEST_KEY_FOR_LIVE : ConnectionProblem.LIVE_KEY_FOR_TEST;
            throw new ConnectionRejectedException(
                    problem,
                    "This connection is declared " + wanted.value() + ": use the key that starts with "
                            + ApiKey.prefix(secret.type(), wanted) + ", not " + secret.prefix() + ".",
                    Map.of("field", "secretKey"));
        }
        return new PastedKeys(publishable, secret);
    }

    Mode mode() {
        return secret.mode();
    }

    private static ApiKey shaped(String field, String text) {
        Optional<ApiKey> key = ApiKey.parse(text);
        if (key.isPresent()) {
            return key.get();
        }
        String hint = text.strip().startsWith("whsec_")
                ? "it is a webhook signing secret, not an API key"
                : "Stripe API keys start with pk_, sk_ or rk_, then live_ or test_";
        throw new ConnectionRejectedException(
                ConnectionProblem.MALFORMED_KEY,
                field + " does not look like a Stripe API key (" + KeyMask.mask(text) + "): " + hint + ".",
                Map.of("field", field));
    }

    private static String describe(ApiKey key) {
        return (key.type() == ApiKey.Type.SECRET ? "secret key" : "restricted key") + " (" + key.masked() + ")";
    }

    private static ConnectionRejectedException wrongType(String field, String detail) {
        return new ConnectionRejectedException(ConnectionProblem.WRONG_KEY_TYPE, detail, Map.of("field", field));
    }
}
