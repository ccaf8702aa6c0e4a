package io.paystream.catalog;

import io.paystream.support.crypto.SecretCipherConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * catalog-sync. Its one {@link io.paystream.events.crypto.SecretCipher} (connections' secret keys and signing secrets
 * at rest) comes from {@code paystream.crypto.*} by service-support's rules, the same webhook-ingest decrypts by.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SecretCipherConfiguration.class)
public class CatalogSyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogSyncApplication.class, args);
    }
}
