package io.paystream.support.problem;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A service's advice as the services write theirs: scoped to its controllers, defaults kept, answers counted. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = ThingController.class)
class ThingProblems extends ProblemDetailsAdvice {

    final List<String> answered = new ArrayList<>();

    @Override
    protected void answered(ProblemType type) {
        answered.add(type.code());
    }
}
