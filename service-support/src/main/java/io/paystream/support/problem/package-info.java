/**
 * RFC 9457 problem details, one scheme for every service: {@code type} is
 * {@code https://paystream.io/problems/<code>}, every problem carries {@code code} and {@code retryable}, and a
 * retryable one a {@code Retry-After} header. A service extends {@link io.paystream.support.problem.ProblemDetailsAdvice}
 * for its own controllers and throws {@link io.paystream.support.problem.ProblemException}s of its own
 * {@link io.paystream.support.problem.ProblemType}s.
 */
@NullMarked
package io.paystream.support.problem;

import org.jspecify.annotations.NullMarked;
