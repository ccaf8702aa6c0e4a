package io.paystream.catalog.connection.web;

import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.support.problem.ProblemDetailsAdvice;
import io.paystream.support.problem.ProblemType;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details of the connection API, in service-support's scheme ({@code type} =
 * https://paystream.io/problems/&lt;code&gt;, {@code code}, {@code retryable}, {@code Retry-After} when trying again can
 * help): the {@link io.paystream.catalog.connection.ConnectionRejectedException}s the services raise, and 400, 503
 * for everything else. Details are written here or by the services, never copied from an exception (a body parse
 * error can quote the body, and the body holds keys). Every answer is counted by its code
 * ({@code paystream_catalog_connection_rejections_total}). Ahead of the catalog API's advice, which covers this
 * package too.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = ConnectionProblems.class)
class ConnectionProblems extends ProblemDetailsAdvice {

    private final ConnectionMetrics metrics;

    ConnectionProblems(ConnectionMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected ProblemType storeUnavailable() {
        return ConnectionProblem.STORE_UNAVAILABLE;
    }

    @Override
    protected String storeUnavailableDetail() {
        return "The connection store is unavailable; nothing was changed. Try again shortly.";
    }

    /** The connection API never named the expected type. */
    @Override
    protected String typeMismatchRule(@Nullable Class<?> requiredType) {
        return "has the wrong type";
    }

    @Override
    protected void answered(ProblemType type) {
        metrics.rejected(type);
    }
}
