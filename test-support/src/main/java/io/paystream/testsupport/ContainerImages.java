package io.paystream.testsupport;

/**
 * Images for the Testcontainers variants of the integration tests, in one place so that the tests using them move to a
 * new MongoDB or Kafka together. Every MongoDB variant uses {@link #MONGO}. Three Kafka variants still pin other tags
 * (webhook-ingest's 4.1.0, catalog-sync's connection infrastructure and local-stack's 4.2.2): aligning them changes
 * what they test, which wants a machine with Docker to check.
 */
public final class ContainerImages {

    /** A real MongoDB, run by Testcontainers as a single-node replica set. */
    public static final String MONGO = "mongo:8.0";

    /** A real Apache Kafka broker in KRaft mode. */
    public static final String KAFKA = "apache/kafka:4.1.1";

    private ContainerImages() {}
}
