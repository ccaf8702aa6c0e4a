package io.paystream.catalog.security;

import io.paystream.support.problem.ProblemException;
import io.paystream.support.problem.StandardProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 as an RFC 9457 problem detail ({@link StandardProblem#UNAUTHORIZED}: type
 * https://paystream.io/problems/unauthorized, {@code code}, {@code retryable}), for a missing token and a wrong one
 * alike (nothing to learn from the answer). Written here, not by an advice: Spring Security answers before MVC.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private final JsonMapper json;

    ProblemAuthenticationEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ProblemDetail problem = new ProblemException(
                        StandardProblem.UNAUTHORIZED,
                        "this API needs the header 'Authorization: Bearer <admin token>'"
                                + " (paystream.security.admin-token)")
                .getBody();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paystream\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        commence(request, response, failure);
    }
}
