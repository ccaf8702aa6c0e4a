package io.paystream.support.problem;

import com.mongodb.MongoException;
import io.paystream.support.outbox.OutboxPublishException;
import jakarta.validation.ConstraintViolationException;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem details of a service's own controllers. A service extends it once per API and scopes it:
 *
 * <pre>{@code
 * @Order(Ordered.HIGHEST_PRECEDENCE)
 * @RestControllerAdvice(basePackageClasses = QueryProblems.class)
 * class QueryProblems extends ProblemDetailsAdvice {}
 * }</pre>
 *
 * What it answers, each as {@code application/problem+json} whatever the client accepts:
 *
 * <ul>
 *   <li>400 {@link #invalidRequest()} for every parameter, field or body the API cannot read: method validation,
 *       conversion, a missing parameter, unreadable JSON. {@code errors} maps each name to its rule, the detail lists
 *       them ({@code limit: must be a valid int}); the rejected value is never quoted.
 *   <li>503 {@link #storeUnavailable()} with {@code Retry-After} for any {@link MongoException} or
 *       {@link DataAccessException}, and 503 {@link #eventBusUnavailable()} for {@link OutboxPublishException} and
 *       Kafka's exceptions: the outage is the service's, not the client's, and trying again helps; never a 500.
 *   <li>{@link ProblemException}s thrown by the API, as they are built.
 * </ul>
 *
 * <p>Never an exception's message or a stack trace: driver messages name hosts and queries, parse errors quote
 * bodies, and bodies hold keys. Logs get the exception's class, not its message, for the same reason.
 *
 * <p>The protected hooks let a service keep what its clients already see (titles, the wording of a rule) and count
 * answers; the {@code type} URIs, {@code code}s and statuses are the same everywhere. Needs Spring MVC, Jakarta
 * Validation, the MongoDB driver, spring-tx and spring-kafka on the classpath (payment-worker and catalog-sync have
 * them all).
 */
public abstract class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** 400s: {@link StandardProblem#INVALID_REQUEST}; override to keep a title, see {@link ProblemType#titled}. */
    protected ProblemType invalidRequest() {
        return StandardProblem.INVALID_REQUEST;
    }

    /** 503 when MongoDB fails: {@link StandardProblem#STORE_UNAVAILABLE}. */
    protected ProblemType storeUnavailable() {
        return StandardProblem.STORE_UNAVAILABLE;
    }

    /** 503 when Kafka does not acknowledge: {@link StandardProblem#EVENT_BUS_UNAVAILABLE}. */
    protected ProblemType eventBusUnavailable() {
        return StandardProblem.EVENT_BUS_UNAVAILABLE;
    }

    protected String storeUnavailableDetail() {
        return "The store is unavailable; try again shortly.";
    }

    protected String eventBusUnavailableDetail() {
        return "Kafka did not acknowledge in time; try again shortly.";
    }

    /**
     * The rule of a value that cannot be converted: {@code must be a valid int} (primitive names, as an API document
     * shows them). Never the value itself.
     */
    protected String typeMismatchRule(@Nullable Class<?> requiredType) {
        String type = requiredType == null
                ? "value"
                : MethodType.methodType(requiredType).unwrap().returnType().getSimpleName();
        return "must be a valid " + type.toLowerCase(Locale.ROOT);
    }

    /** The rule of a body that is not JSON or does not fit the request type; the parser's message quotes it. */
    protected String unreadableBodyRule() {
        return "must be a JSON object with the documented fields";
    }

    /** Called for every answer with a {@link ProblemType}, e.g. to count rejections by code. */
    protected void answered(ProblemType type) {}

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors parameterObject) {
                // a parameter object's fields are request parameters of their own: name them, not the object
                parameterObject.getFieldErrors().forEach(error -> merge(errors, error.getField(), rule(error)));
            } else {
                String name = result.getMethodParameter().getParameterName();
                merge(
                        errors,
                        name == null ? "parameter" : name,
                        result.getResolvableErrors().stream()
                                .map(MessageSourceResolvable::getDefaultMessage)
                                .collect(Collectors.joining("; ")));
            }
        });
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> merge(errors, error.getField(), rule(error)));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> merge(errors, error.getObjectName(), String.valueOf(error.getDefaultMessage())));
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return invalid(ex, Map.of(name, typeMismatchRule(ex.getRequiredType())), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return invalid(ex, Map.of(ex.getParameterName(), "is required"), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, Map.of("body", unreadableBodyRule()), headers, request);
    }

    /** Only if a bean is ever proxied with {@code @Validated}; MVC's own method validation is used otherwise. */
    @ExceptionHandler(ConstraintViolationException.class)
    protected @Nullable ResponseEntity<Object> constraintViolation(
            ConstraintViolationException ex, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getConstraintViolations()
                .forEach(violation -> merge(errors, violation.getPropertyPath().toString(), violation.getMessage()));
        return invalid(ex, errors, new HttpHeaders(), request);
    }

    @ExceptionHandler({MongoException.class, DataAccessException.class})
    protected @Nullable ResponseEntity<Object> storeUnavailable(RuntimeException ex, WebRequest request) {
        log.warn(
                "{} failed on MongoDB: {}",
                request.getDescription(false),
                ex.getClass().getName());
        return problem(ex, storeUnavailable(), storeUnavailableDetail(), Map.of(), request);
    }

    @ExceptionHandler({
        OutboxPublishException.class,
        org.apache.kafka.common.KafkaException.class,
        org.springframework.kafka.KafkaException.class
    })
    protected @Nullable ResponseEntity<Object> eventBusUnavailable(RuntimeException ex, WebRequest request) {
        log.warn(
                "{} failed on Kafka: {}",
                request.getDescription(false),
                ex.getClass().getName());
        return problem(ex, eventBusUnavailable(), eventBusUnavailableDetail(), Map.of(), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleErrorResponseException(
            ErrorResponseException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof ProblemException problem) {
            answered(problem.problemType());
        }
        return super.handleErrorResponseException(ex, headers, status, request);
    }

    /** Answers {@code type} with its title, code, retryable flag and {@code Retry-After}, and reports it. */
    protected final @Nullable ResponseEntity<Object> problem(
            Exception ex, ProblemType type, String detail, Map<String, ?> properties, WebRequest request) {
        return problem(ex, type, detail, properties, new HttpHeaders(), request);
    }

    private @Nullable ResponseEntity<Object> invalid(
            Exception ex, Map<String, String> errors, HttpHeaders headers, WebRequest request) {
        return problem(
                ex,
                invalidRequest(),
                ProblemException.detailOf(errors),
                Map.of("errors", new LinkedHashMap<>(errors)),
                headers,
                request);
    }

    private @Nullable ResponseEntity<Object> problem(
            Exception ex,
            ProblemType type,
            String detail,
            Map<String, ?> properties,
            HttpHeaders headers,
            WebRequest request) {
        answered(type);
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.addAll(headers);
        if (type.retryable()) {
            answerHeaders.set(HttpHeaders.RETRY_AFTER, Long.toString(ProblemException.RETRY_AFTER.toSeconds()));
        }
        return handleExceptionInternal(
                ex, ProblemException.body(type, detail, properties), answerHeaders, type.status(), request);
    }

    /** A field's rule; a conversion failure gets {@link #typeMismatchRule}, as its message quotes the value. */
    private String rule(FieldError error) {
        if (error.contains(TypeMismatchException.class)) {
            return typeMismatchRule(error.unwrap(TypeMismatchException.class).getRequiredType());
        }
        return String.valueOf(error.getDefaultMessage());
    }

    private static void merge(Map<String, String> errors, String name, String rule) {
        errors.merge(name, rule, (first, next) -> first + "; " + next);
    }
}
