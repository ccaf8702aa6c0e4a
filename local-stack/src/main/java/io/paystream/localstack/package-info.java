/** The {@code ./paystream} launcher: {@code up}, {@code send}, {@code tail}, {@code help}. */
@NullMarked
package io.paystream.localstack;

import org.jspecify.annotations.NullMarked;
