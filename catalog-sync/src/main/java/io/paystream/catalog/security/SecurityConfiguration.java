package io.paystream.catalog.security;

import io.paystream.support.LiveProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token protection of everything but health, metrics and the OpenAPI document. There is no browser
 * session, so no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminSecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/error"
    };

    /** Also a bean so that Spring Boot does not create its default user with a generated password. */
    @Bean
    AdminTokenAuthentication adminTokenAuthentication(AdminSecurityProperties properties, Environment environment) {
        return new AdminTokenAuthentication(adminToken(properties, environment));
    }

    static String adminToken(AdminSecurityProperties properties, Environment environment) {
        if (!properties.adminToken().isBlank()) {
            return properties.adminToken();
        }
        if (environment.matchesProfiles(LiveProfile.NAME)) {
            throw new IllegalStateException("The 'live' profile is active but no admin API token is configured: set"
                    + " PAYSTREAM_ADMIN_TOKEN (paystream.security.admin-token) to a long random value.");
        }
        log.warn(
                "No admin API token configured: /api/** accepts the PUBLIC development token '{}'. Set"
                        + " PAYSTREAM_ADMIN_TOKEN for anything but a local stack.",
                AdminTokenAuthentication.DEVELOPMENT_TOKEN);
        return AdminTokenAuthentication.DEVELOPMENT_TOKEN;
    }

    @Bean
    SecurityFilterChain adminApiSecurity(HttpSecurity http, AdminTokenAuthentication authentication, JsonMapper json)
            throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(json);
        AuthenticationFilter bearer = new AuthenticationFilter(authentication, new BearerTokenConverter());
        bearer.setSuccessHandler((request, response, result) -> {}); // carry on down the chain, no redirect
        bearer.setFailureHandler(problems);
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(OPEN_PATHS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems))
                .build();
    }
}
