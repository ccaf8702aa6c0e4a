/** Checks of a service's package structure that its own tests call. */
@NullMarked
package io.paystream.testsupport.architecture;

import org.jspecify.annotations.NullMarked;
