/**
 * Kafka producers of the catalog's own, beside Spring Boot's auto-configured one: what the backfill and
 * reconciliation need to publish records they must see acknowledged before they move a cursor.
 */
@NullMarked
package io.paystream.catalog.kafka;

import org.jspecify.annotations.NullMarked;
