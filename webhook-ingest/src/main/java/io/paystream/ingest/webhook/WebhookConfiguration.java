package io.paystream.ingest.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.ingest.IngestProperties;
import io.paystream.ingest.endpoint.EndpointProperties;
import io.paystream.ingest.endpoint.WebhookEndpoints;
import io.paystream.ingest.publish.StripeEventPublisher;
import io.paystream.ingest.signature.StripeSignatureVerifier;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    StripeSignatureVerifier stripeSignatureVerifier(IngestProperties properties) {
        return new StripeSignatureVerifier(properties.signatureTolerance());
    }

    @Bean
    InFlightLimiter inFlightLimiter(IngestProperties properties) {
        return new InFlightLimiter(properties.maxInFlight());
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry meters, EndpointProperties configured, InFlightLimiter inFlight) {
        return new IngestMetrics(meters, configured.endpoints().keySet(), inFlight);
    }

    @Bean
    WebhookIngestion webhookIngestion(
            StripeSignatureVerifier verifier, StripeEventPublisher publisher, IngestMetrics metrics) {
        return new WebhookIngestion(verifier, new StripeEventParser(), publisher, metrics);
    }

    /** First in the filter chain, so no other filter runs for a webhook: see {@link StripeWebhookFilter}. */
    @Bean
    FilterRegistrationBean<StripeWebhookFilter> stripeWebhookFilter(
            WebhookEndpoints endpoints,
            InFlightLimiter inFlight,
            WebhookIngestion ingestion,
            IngestMetrics metrics,
            IngestProperties properties) {
        FilterRegistrationBean<StripeWebhookFilter> registration = new FilterRegistrationBean<>(
                new StripeWebhookFilter(endpoints, inFlight, ingestion, metrics, properties));
        registration.addUrlPatterns(StripeWebhookFilter.PATH, StripeWebhookFilter.PATH + "/*");
        registration.setName("stripeWebhook");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
