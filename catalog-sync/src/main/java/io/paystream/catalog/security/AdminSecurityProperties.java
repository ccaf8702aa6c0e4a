package io.paystream.catalog.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the admin API ({@code paystream.security.*}).
 *
 * @param adminToken the bearer token {@code /api/**} requires (env {@code PAYSTREAM_ADMIN_TOKEN}); empty means the
 *     development token {@value AdminTokenAuthentication#DEVELOPMENT_TOKEN}, refused when the {@code live} profile is
 *     active
 */
@ConfigurationProperties("paystream.security")
public record AdminSecurityProperties(@DefaultValue("") String adminToken) {

    @Override
    public String toString() {
        return "AdminSecurityProperties[adminToken=" + (adminToken.isBlank() ? "<unset>" : "<set>") + "]";
    }
}
