package io.paystream.support.problem;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An API whose clients know other titles and wording: the hooks keep them, the type URIs are the common ones. */
@RestController
class KeptTitlesController {

    @GetMapping("/kept/{count}")
    int count(@PathVariable Integer count) {
        return count;
    }

    @GetMapping("/kept/store")
    int store() {
        throw new MongoSocketOpenException("cannot open", new ServerAddress("db.internal", 27017));
    }

    @RestControllerAdvice(assignableTypes = KeptTitlesController.class)
    static class KeptTitlesProblems extends ProblemDetailsAdvice {

        @Override
        protected ProblemType invalidRequest() {
            return StandardProblem.INVALID_REQUEST.titled("Invalid request parameter");
        }

        @Override
        protected ProblemType storeUnavailable() {
            return StandardProblem.STORE_UNAVAILABLE.titled("State store unavailable");
        }

        @Override
        protected String storeUnavailableDetail() {
            return "the payment state store is unavailable; retry later";
        }

        @Override
        protected String typeMismatchRule(@Nullable Class<?> requiredType) {
            return "must be a valid "
                    + (requiredType == null
                            ? "value"
                            : requiredType.getSimpleName().toLowerCase(Locale.ROOT));
        }
    }
}
