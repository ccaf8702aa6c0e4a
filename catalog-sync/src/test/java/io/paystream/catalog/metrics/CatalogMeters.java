package io.paystream.catalog.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** {@link CatalogMetrics} without Spring, for tests that wire a feature by hand. */
public final class CatalogMeters {

    private CatalogMeters() {}

    public static CatalogMetrics on(MeterRegistry registry, Clock clock) {
        return new CatalogMetrics(registry, clock);
    }
}
