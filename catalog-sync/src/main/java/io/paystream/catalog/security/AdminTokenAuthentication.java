package io.paystream.catalog.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Checks the admin bearer token. The comparison runs over SHA-256 digests with {@link MessageDigest#isEqual}, so it
 * takes the same time whatever the length or the first differing character of the presented token.
 */
final class AdminTokenAuthentication implements AuthenticationManager {

    /** Publicly known: only for the local stack and tests, never accepted with the {@code live} profile. */
    static final String DEVELOPMENT_TOKEN = "paystream-dev-admin-token";

    static final String PRINCIPAL = "paystream-admin";

    private final byte[] expectedDigest;

    AdminTokenAuthentication(String token) {
        this.expectedDigest = sha256(token);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object presented = authentication.getCredentials();
        if (!(presented instanceof String token) || !MessageDigest.isEqual(expectedDigest, sha256(token))) {
            throw new BadCredentialsException("the bearer token is not the admin token");
        }
        PreAuthenticatedAuthenticationToken result = new PreAuthenticatedAuthenticationToken(
                PRINCIPAL, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        result.setAuthenticated(true);
        return result;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
