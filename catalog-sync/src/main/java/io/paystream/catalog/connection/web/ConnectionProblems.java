package io.paystream.catalog.connection.web;

import com.mongodb.MongoException;
import io.paystream.catalog.ApiProblems;
import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.connection.outbox.PublishFailedException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the connection API: {@code type} = https://paystream.io/problems/&lt;code&gt;, plus
 * {@code code} and {@code retryable} properties and a {@code Retry-After} header when trying again can help. Details
 * are written here or by the services, never copied from an exception (a body parse error can quote the body, and
 * the body holds keys).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = ConnectionProblems.class)
class ConnectionProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ConnectionProblems.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ConnectionMetrics metrics;

    ConnectionProblems(ConnectionMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(ConnectionRejectedException.class)
    @Nullable
    ResponseEntity<Object> rejected(ConnectionRejectedException ex, WebRequest request) {
        return problem(ex, ex.problem(), ex.getMessage(), ex.properties(), request);
    }

    @ExceptionHandler({MongoException.class, DataAccessException.class})
    @Nullable
    ResponseEntity<Object> storeUnavailable(RuntimeException ex, WebRequest request) {
        log.warn("connection request failed on MongoDB: {}", ex.getClass().getSimpleName());
        return problem(
                ex,
                ConnectionProblem.STORE_UNAVAILABLE,
                "The connection store is unavailable; nothing was changed. Try again shortly.",
                Map.of(),
                request);
    }

    @ExceptionHandler(PublishFailedException.class)
    @Nullable
    ResponseEntity<Object> eventBusUnavailable(RuntimeException ex, WebRequest request) {
        return problem(
                ex,
                ConnectionProblem.EVENT_BUS_UNAVAILABLE,
                "Kafka did not acknowledge in time; try again shortly.",
                Map.of(),
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.merge(
                        error.getField(), String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b));
        return invalid(ex, errors, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, ApiProblems.parameterErrors(ex), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return invalid(ex, Map.of(name, "has the wrong type"), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, Map.of("body", "must be a JSON object with the documented fields"), request);
    }

    private @Nullable ResponseEntity<Object> invalid(Exception ex, Map<String, String> errors, WebRequest request) {
        return problem(
                ex, ConnectionProblem.INVALID_REQUEST, ApiProblems.detailOf(errors), Map.of("errors", errors), request);
    }

    private @Nullable ResponseEntity<Object> problem(
            Exception ex,
            ConnectionProblem problem,
            String detail,
            Map<String, Object> properties,
            WebRequest request) {
        metrics.rejected(problem);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), detail);
        body.setType(problem.type());
        body.setTitle(problem.title());
        body.setProperty("code", problem.code());
        body.setProperty("retryable", problem.retryable());
        properties.forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (problem.retryable()) {
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return handleExceptionInternal(ex, body, headers, problem.status(), request);
    }
}
