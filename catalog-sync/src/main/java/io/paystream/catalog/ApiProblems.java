package io.paystream.catalog;

import com.mongodb.MongoException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the catalog API: 400 naming each bad parameter and its rule, 404 for unknown runs and
 * accounts, 503 when MongoDB cannot be reached. Never an exception message from below or a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** A problem this API raises itself, with its status, title and detail. */
    public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** 400 for one parameter, shaped like the validation failures below. */
    public static ErrorResponseException badParameter(String parameter, String rule) {
        ErrorResponseException error =
                problem(HttpStatus.BAD_REQUEST, "Invalid request parameter", parameter + ": " + rule);
        error.getBody().setProperty("errors", Map.of(parameter, rule));
        return error;
    }

    /** Each invalid parameter with its rules, in declaration order; the connection API shapes its 400s the same way. */
    public static Map<String, String> parameterErrors(HandlerMethodValidationException ex) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults()
                .forEach(result -> errors.put(
                        result.getMethodParameter().getParameterName(),
                        result.getResolvableErrors().stream()
                                .map(MessageSourceResolvable::getDefaultMessage)
                                .collect(Collectors.joining("; "))));
        return errors;
    }

    /** {@code name: rule, name: rule}: the problem's detail for a map of bad parameters or fields. */
    public static String detailOf(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(error -> error.getKey() + ": " + error.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(ex, parameterErrors(ex), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String parameter = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String type = ex.getRequiredType() == null
                ? "value"
                : ex.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return badRequest(ex, Map.of(parameter, "must be a valid " + type), headers, request);
    }

    @ExceptionHandler({MongoException.class, DataAccessException.class})
    @Nullable
    ResponseEntity<Object> storeUnavailable(RuntimeException ex, WebRequest request) {
        log.warn("catalog API request failed on MongoDB: {}", ex.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "the catalog store is unavailable; retry later");
        problem.setTitle("Catalog store unavailable");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    private @Nullable ResponseEntity<Object> badRequest(
            Exception ex, Map<String, String> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detailOf(errors));
        problem.setTitle("Invalid request parameter");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
