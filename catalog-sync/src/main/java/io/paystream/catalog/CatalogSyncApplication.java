package io.paystream.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogSyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogSyncApplication.class, args);
    }
}
