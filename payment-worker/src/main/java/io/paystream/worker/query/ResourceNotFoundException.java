package io.paystream.worker.query;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No stored object with that id (in any mode): 404 problem details. */
public class ResourceNotFoundException extends ErrorResponseException {

    public ResourceNotFoundException(String resource, String id) {
        super(HttpStatus.NOT_FOUND, problem(resource, id), null);
    }

    private static ProblemDetail problem(String resource, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + resource + " " + id);
        problem.setTitle(resource.substring(0, 1).toUpperCase() + resource.substring(1) + " not found");
        return problem;
    }
}
