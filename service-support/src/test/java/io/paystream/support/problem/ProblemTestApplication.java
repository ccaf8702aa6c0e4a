package io.paystream.support.problem;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration {@code @WebMvcTest} looks for: scans this test package's controllers and advices. */
@SpringBootApplication
class ProblemTestApplication {}
