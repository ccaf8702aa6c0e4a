package io.paystream.catalog.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header; operations come from the controllers' annotations. */
@Configuration(proxyBeanMethods = false)
class QueryApiConfiguration {

    @Bean
    OpenAPI catalogSyncOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Paystream catalog-sync API")
                        .version("v1")
                        .description("Stripe products and prices of the platform and its connected accounts, synced"
                                + " into MongoDB; sync runs on demand and their progress. Test and live data are never"
                                + " mixed (`livemode`), times are ISO-8601 UTC, amounts in the currency's minor unit,"
                                + " errors are RFC 9457 problem details (`application/problem+json`). Every /api path"
                                + " needs `Authorization: Bearer <admin token>`."));
    }
}
