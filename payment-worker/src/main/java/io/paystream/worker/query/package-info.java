/**
 * What every query of the read-only API shares: paging, cursors, RFC 9457 problems, index set-up.
 */
@NullMarked
package io.paystream.worker.query;

import org.jspecify.annotations.NullMarked;
