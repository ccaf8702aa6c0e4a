package io.paystream.worker.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header; the operations come from the controllers' annotations. */
@Configuration(proxyBeanMethods = false)
class QueryApiConfiguration {

    @Bean
    OpenAPI paymentWorkerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Paystream payment-worker query API")
                        .version("v1")
                        .description("Read-only views of the payment, subscription, payout and account state the worker"
                                + " keeps from Stripe events. Amounts are in the currency's minor unit (cents),"
                                + " times are ISO-8601 UTC, lists never mix test and live data (`livemode`), and"
                                + " errors are RFC 9457 problem details (`application/problem+json`)."));
    }
}
