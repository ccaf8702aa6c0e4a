package io.paystream.ingest.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.ingest.IngestProperties;
import io.paystream.ingest.publish.StripeEventPublisher;
import io.paystream.ingest.signature.StripeSignatureVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
