package io.paystream.ingest;

import io.paystream.testsupport.architecture.ModuleStructure;
import org.junit.jupiter.api.Test;

/**
 * The ingest's packages stay free of cycles, and its feature packages ({@code webhook}, {@code signature},
 * {@code publish}, {@code endpoint}) use one another only through each other's own package: checked on the main
 * classes, so a new import that closes a loop fails here rather than in a review.
 */
class ModuleStructureTest {

    @Test
    void modulesAreFreeOfCyclesAndInternals() {
        ModuleStructure.verify(WebhookIngestApplication.class);
    }
}
