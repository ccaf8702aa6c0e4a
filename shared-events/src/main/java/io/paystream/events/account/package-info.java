/** Connected-account vocabulary shared by the services that report onboarding. */
@NullMarked
package io.paystream.events.account;

import org.jspecify.annotations.NullMarked;
