package io.paystream.worker.query;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request parameter the query API cannot answer: 400 problem details naming the parameter. */
public class InvalidQueryException extends ErrorResponseException {

    public InvalidQueryException(String parameter, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, reason), null);
    }

    private static ProblemDetail problem(String parameter, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + reason);
        problem.setTitle("Invalid request parameter");
        problem.setProperty("errors", Map.of(parameter, reason));
        return problem;
    }
}
