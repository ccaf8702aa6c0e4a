package io.paystream.catalog.reconcile;

import io.paystream.catalog.CatalogApiClient;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Spring context of the reconciliation and thin-event contracts: one set of properties, so that both reuse one
 * cached context (and its broker) rather than each starting its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "paystream.security.admin-token=" + CatalogApiClient.ADMIN_TOKEN,
            "paystream.catalog.schedule.enabled=false",
            "paystream.catalog.rate-limit.test=200",
            "paystream.catalog.retry.max-attempts=12",
            "paystream.catalog.retry.initial-backoff=20ms",
            "paystream.catalog.retry.max-backoff=400ms",
            "paystream.backfill.schedule.enabled=false",
            "paystream.backfill.on-connection=false",
            "paystream.reconcile.enabled=false",
            // played lifecycles reach up to 90 days back; the first pass must start before them
            "paystream.reconcile.look-back=100d",
            "paystream.reconcile.retention=120d",
            "paystream.reconcile.page-size=7",
            "spring.kafka.consumer.properties.metadata.max.age.ms=1000"
        })
public @interface ReconcileTestContext {}
