package io.paystream.worker.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the read-only query API: its errors are the RFC 9457 problems of {@link QueryProblems}. The
 * controllers live in their features' packages, so the advice finds them by this mark rather than by package.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryApi {}
