/** The embedded MongoDB wire server as part of a Spring test context. */
@NullMarked
package io.paystream.testsupport.mongo;

import org.jspecify.annotations.NullMarked;
