package io.paystream.ingest.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.paystream.ingest.IngestProperties;
import io.paystream.ingest.endpoint.WebhookEndpoints;
import io.paystream.ingest.publish.StripeEventPublisher;
import io.paystream.ingest.signature.StripeSignatureVerifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

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
    IngestMetrics ingestMetrics(MeterRegistry meters, IngestProperties properties, InFlightLimiter inFlight) {
        return new IngestMetrics(meters, properties.endpoints().keySet(), inFlight);
    }

    @Bean
    WebhookIngestion webhookIngestion(
            StripeSignatureVerifier verifier, StripeEventPublisher publisher, IngestMetrics metrics) {
        return new WebhookIngestion(verifier, new StripeEventParser(), publisher, metrics);
    }

    @Bean
    ServletRegistrationBean<StripeWebhookServlet> stripeWebhookServlet(
            WebhookEndpoints endpoints,
            InFlightLimiter inFlight,
            WebhookIngestion ingestion,
            IngestMetrics metrics,
            IngestProperties properties) {
        ServletRegistrationBean<StripeWebhookServlet> registration = new ServletRegistrationBean<>(
                new StripeWebhookServlet(endpoints, inFlight, ingestion, metrics, properties),
                StripeWebhookServlet.PATH + "/*");
        registration.setName("stripeWebhook");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * Leaves webhooks out of {@code http.server.requests}: the servlet records {@code paystream.ingest.request} by
     * outcome itself, and the observation filter's per-request work cost an eighth of the ingest's CPU.
     */
    @Bean
    ObservationPredicate webhooksTimedByTheirServlet() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(StripeWebhookServlet.PATH));
    }
}
