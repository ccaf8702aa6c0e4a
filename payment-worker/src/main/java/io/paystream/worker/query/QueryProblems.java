package io.paystream.worker.query;

import com.mongodb.MongoException;
import jakarta.validation.ConstraintViolationException;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the {@link QueryApi} controllers only (other controllers keep their own error handling): 400 for
 * any parameter the API cannot answer, 404 for unknown ids, 503 when MongoDB cannot be reached. Details name the
 * parameter and the rule, never an exception message or a stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = QueryApi.class)
class QueryProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors parameterObject) {
                // a parameter object's fields are query parameters of their own: name them, not the object
                parameterObject
                        .getFieldErrors()
                        .forEach(error -> errors.merge(
                                error.getField(), error.getDefaultMessage(), (first, next) -> first + "; " + next));
            } else {
                errors.put(
                        result.getMethodParameter().getParameterName(),
                        result.getResolvableErrors().stream()
                                .map(MessageSourceResolvable::getDefaultMessage)
                                .collect(Collectors.joining("; ")));
            }
        });
        return badRequest(ex, errors, headers, request);
    }

    /**
     * A parameter object's field that cannot be converted, answered like a mistyped {@code @RequestParam}: only the
     * first, as argument resolution stops there, and under the primitive type's name.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError error = ex.getFieldError();
        if (error == null || !error.contains(TypeMismatchException.class)) {
            return super.handleMethodArgumentNotValid(ex, headers, status, request);
        }
        Class<?> type = error.unwrap(TypeMismatchException.class).getRequiredType();
        return badRequest(ex, Map.of(error.getField(), mustBeValid(type)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String parameter = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return badRequest(ex, Map.of(parameter, mustBeValid(ex.getRequiredType())), headers, request);
    }

    private static String mustBeValid(Class<?> requiredType) {
        String type = requiredType == null
                ? "value"
                : MethodType.methodType(requiredType).unwrap().returnType().getSimpleName();
        return "must be a valid " + type.toLowerCase();
    }

    /** Only if a controller is ever proxied with {@code @Validated}; MVC's own method validation is used otherwise. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getConstraintViolations().forEach(v -> errors.put(v.getPropertyPath().toString(), v.getMessage()));
        return badRequest(ex, errors, new HttpHeaders(), request);
    }

    @ExceptionHandler({MongoException.class, DataAccessException.class})
    ResponseEntity<Object> storeUnavailable(RuntimeException ex, WebRequest request) {
        log.warn("query failed on MongoDB: {}", ex.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "the payment state store is unavailable; retry later");
        problem.setTitle("State store unavailable");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    private ResponseEntity<Object> badRequest(
            Exception ex, Map<String, String> errors, HttpHeaders headers, WebRequest request) {
        String detail = errors.entrySet().stream()
                .map(error -> error.getKey() + ": " + error.getValue())
                .collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request parameter");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
