package io.paystream.ingest.endpoint;

import io.paystream.ingest.signature.SigningSecret;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the endpoint registry from {@code paystream.ingest.endpoints}. */
@Configuration(proxyBeanMethods = false)
class ConfiguredEndpoints {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredEndpoints.class);

    @Bean
    InMemoryWebhookEndpoints webhookEndpoints(EndpointProperties properties) {
        List<WebhookEndpoint> endpoints = properties.endpoints().entrySet().stream()
                .map(entry -> new WebhookEndpoint(
                        entry.getKey(),
                        entry.getValue().tenant(),
                        entry.getValue().secrets().stream()
                                .map(SigningSecret::new)
                                .toList(),
                        entry.getValue().livemode()))
                .toList();
        for (WebhookEndpoint endpoint : endpoints) {
            if (!endpoint.hasSecrets()) {
                // Not fatal, so the service starts without STRIPE_WEBHOOK_SECRET, but the endpoint refuses everything.
                log.warn(
                        "Webhook endpoint '{}' has no signing secret and will refuse every request (set"
                                + " STRIPE_WEBHOOK_SECRET or paystream.ingest.endpoints.{}.secrets)",
                        endpoint.id(),
                        endpoint.id());
            }
        }
        log.info(
                "Serving webhook endpoints {}",
                endpoints.stream().map(WebhookEndpoint::id).sorted().toList());
        return new InMemoryWebhookEndpoints(endpoints);
    }
}
