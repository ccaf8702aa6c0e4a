package io.paystream.catalog.connection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Customers' Stripe connections ({@code paystream.connections.*}).
 *
 * @param publicBaseUrl where Stripe reaches webhook-ingest; a key connection's endpoint is
 *     {@code <publicBaseUrl>/webhooks/stripe/<connectionId>} (env {@code PAYSTREAM_PUBLIC_BASE_URL})
 * @param defaultTenant the tenant of a request that names none
 * @param publishTimeout how long a request waits for Kafka to acknowledge the endpoint registration
 * @param onboarding Stripe Connect onboarding defaults
 * @param outbox relay of status events and registrations kept in the connection documents
 * @param reEncryptInterval how often secrets still encrypted with a retired key are moved to the active key
 * @param defaultPageSize list page size when the request names none
 * @param maxPageSize the largest page a list request may ask for
 */
@Validated
@ConfigurationProperties("paystream.connections")
public record ConnectionProperties(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("default") @NotBlank String defaultTenant,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue @Valid Onboarding onboarding,
        @DefaultValue @Valid Outbox outbox,
        @DefaultValue("1h") Duration reEncryptInterval,
        @DefaultValue("50") @Min(1) @Max(500) int defaultPageSize,
        @DefaultValue("200") @Min(1) @Max(500) int maxPageSize) {

    /**
     * @param accountType the type of accounts Paystream creates: {@code express} (Stripe-hosted dashboard), or
     *     {@code standard} / {@code custom}
     * @param defaultCountry the country of a new account when the request names none
     * @param returnUrl where Stripe sends the user after onboarding; {@code {connectionId}} is replaced
     * @param refreshUrl where Stripe sends the user when the link expired or was used; {@code {connectionId}} is
     *     replaced. The platform's page should call {@code POST /api/connections/{id}/onboarding-link} and redirect.
     */
    public record Onboarding(
            @DefaultValue("express") @Pattern(regexp = "express|standard|custom")
            String accountType,

            @DefaultValue("US") @Pattern(regexp = "[A-Z]{2}")
            String defaultCountry,

            @DefaultValue("http://localhost:3000/connections/{connectionId}/onboarding/return")
            String returnUrl,

            @DefaultValue("http://localhost:3000/connections/{connectionId}/onboarding/refresh")
            String refreshUrl) {}

    /**
     * service-support's outbox sweeper over the connections.
     *
     * @param sweepInterval how often a due pass is looked for, and how often one is asked for whatever happened (so
     *     entries another instance left behind are published within it)
     * @param minAge an entry younger than this belongs to a request still relaying it; must exceed publish-timeout
     * @param batchSize documents per collection and pass
     */
    public record Outbox(
            @DefaultValue("5s") Duration sweepInterval,
            @DefaultValue("15s") Duration minAge,
            @DefaultValue("100") @Min(1) int batchSize) {}

    /** The webhook endpoint URL of a connection. */
    public String webhookUrl(String connectionId) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webhooks/stripe/" + connectionId;
    }
}
