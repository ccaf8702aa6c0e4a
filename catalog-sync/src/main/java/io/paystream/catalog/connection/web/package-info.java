/**
 * The admin API of connections ({@code /api/connections}): requests handed to the sub-package that does the job,
 * answers shown as views with keys masked and secrets left out, refusals as RFC 9457 problem details.
 */
@NullMarked
package io.paystream.catalog.connection.web;

import org.jspecify.annotations.NullMarked;
