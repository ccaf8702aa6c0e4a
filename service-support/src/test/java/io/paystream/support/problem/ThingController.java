package io.paystream.support.problem;

import com.mongodb.MongoTimeoutException;
import io.paystream.support.outbox.OutboxPublishException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tiny API that fails in every way a service's API can, each failure carrying a "secret" that must not leak. */
@RestController
@RequestMapping("/things")
class ThingController {

    static final String SECRET = "sk_live_51SecretValueThatMustNeverLeak";

    record Thing(String id, String name) {}

    record NewThing(@NotBlank String name, @Min(1) int size) {}

    record Paging(Boolean livemode, @Min(1) @Max(100) Integer limit) {}

    /** A service's own problems, as an enum whose codes come from the constants' names. */
    enum ThingProblem implements ProblemType.Enumerated {
        THING_EXISTS(HttpStatus.CONFLICT, "Thing already exists", false),
        WAREHOUSE_UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE, "Warehouse unreachable", true);

        private final ProblemType type;

        ThingProblem(HttpStatus status, String title, boolean retryable) {
            this.type = ProblemType.of(ProblemType.codeOf(this), status, title, retryable);
        }

        @Override
        public ProblemType definition() {
            return type;
        }
    }

    @GetMapping("/{id}")
    Thing thing(@PathVariable @Pattern(regexp = "th_[a-z0-9]+") String id) {
        if (id.equals("th_missing")) {
            throw ProblemException.notFound("Thing not found", "no thing " + id);
        }
        return new Thing(id, "a thing");
    }

    @GetMapping
    List<Thing> things(
            @RequestParam(required = false) @Pattern(regexp = "th_[a-z0-9]+") String after,
            @RequestParam(defaultValue = "10") int limit,
            @Valid Paging paging) {
        return List.of();
    }

    @GetMapping("/search")
    List<Thing> search(@RequestParam String name) {
        return List.of();
    }

    @GetMapping("/by-cursor")
    List<Thing> byCursor(@RequestParam String cursor) {
        throw ProblemException.badParameter("cursor", "malformed; pass nextCursor exactly as received");
    }

    @PostMapping
    Thing create(@Valid @RequestBody NewThing thing) {
        if (thing.name().equals("taken")) {
            throw new ProblemException(
                    ThingProblem.THING_EXISTS, "a thing with this name exists", Map.of("existing", "th_1"), null);
        }
        return new Thing("th_new", thing.name());
    }

    @GetMapping("/failures/mongo")
    Thing mongoDown() {
        throw new MongoTimeoutException("Timed out connecting to mongodb://admin:" + SECRET + "@db:27017");
    }

    @GetMapping("/failures/data-access")
    Thing dataAccessDown() {
        throw new DataAccessResourceFailureException("query {apiKey: '" + SECRET + "'} failed");
    }

    @GetMapping("/failures/outbox")
    Thing outboxNotAcknowledged() {
        throw new OutboxPublishException("Kafka did not acknowledge", new IllegalStateException(SECRET));
    }

    @GetMapping("/failures/kafka")
    Thing kafkaTimeout() {
        throw new org.apache.kafka.common.errors.TimeoutException("metadata for " + SECRET + " not available");
    }

    @GetMapping("/failures/spring-kafka")
    Thing springKafka() {
        throw new org.springframework.kafka.KafkaException("send of " + SECRET + " failed");
    }

    @GetMapping("/failures/warehouse")
    Thing warehouse() {
        throw new ProblemException(
                ThingProblem.WAREHOUSE_UNREACHABLE,
                "the warehouse did not answer; try again shortly",
                Map.of(),
                new IllegalStateException(SECRET));
    }
}
