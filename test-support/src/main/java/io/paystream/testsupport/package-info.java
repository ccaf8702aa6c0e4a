/**
 * Development and test tooling that runs without Spring: a Kafka broker process, the embedded MongoDB wire server,
 * free ports, Stripe webhook signing and event fixtures. The local stack, the bench and the emulator use these at run
 * time; the Spring-based test support lives in the sub-packages.
 */
@NullMarked
package io.paystream.testsupport;

import org.jspecify.annotations.NullMarked;
