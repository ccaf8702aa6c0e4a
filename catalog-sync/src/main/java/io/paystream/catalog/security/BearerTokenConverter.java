package io.paystream.catalog.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Reads {@code Authorization: Bearer <token>}. No header means anonymous (the entry point answers 401); any other
 * scheme is a failed attempt. Spring Security's own bearer support lives in the OAuth2 resource server, which needs a
 * JWT or introspection setup this static token does not have.
 */
final class BearerTokenConverter implements AuthenticationConverter {

    private static final String SCHEME = "Bearer ";

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String token = header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? header.substring(SCHEME.length()).strip()
                : "";
        return new PreAuthenticatedAuthenticationToken(AdminTokenAuthentication.PRINCIPAL, token);
    }
}
