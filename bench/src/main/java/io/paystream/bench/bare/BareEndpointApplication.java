package io.paystream.bench.bare;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference point for the ingest benchmark: a bare Spring Boot MVC endpoint that reads the POST body and answers
 * 200, doing nothing else. Measured in the same run as the ingest, so "50% of bare" compares like with like.
 */
@SpringBootApplication
@RestController
public class BareEndpointApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareEndpointApplication.class, args);
    }

    /** Readiness probe for the harness (the bare app has no actuator on purpose: nothing beyond MVC itself). */
    @GetMapping("/bare")
    ResponseEntity<Void> ready() {
        return ResponseEntity.ok().build();
    }

    @PostMapping("/bare")
    ResponseEntity<Void> accept(InputStream body) throws IOException {
        body.readAllBytes();
        return ResponseEntity.ok().build();
    }
}
