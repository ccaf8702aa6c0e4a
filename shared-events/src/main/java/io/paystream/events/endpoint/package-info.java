/** Runtime webhook endpoint registrations on {@code paystream.webhook-endpoints}. */
@NullMarked
package io.paystream.events.endpoint;

import org.jspecify.annotations.NullMarked;
