/**
 * What catalog sync runs ({@code sync}) and backfills ({@code backfill}) have in common: the field names of a run
 * document and how a run's overall view is derived from its targets', so both APIs answer by the same rules. Depends
 * on neither package.
 */
@NullMarked
package io.paystream.catalog.runs;

import org.jspecify.annotations.NullMarked;
