package io.paystream.worker;

import io.paystream.testsupport.architecture.ModuleStructure;
import org.junit.jupiter.api.Test;

/**
 * The worker's packages stay one-way: no package cycle, and no module reaching into another's sub-packages. The apply
 * engine's freedom from the features (and from Spring) depends on it.
 */
class ModuleStructureTest {

    @Test
    void packagesAreFreeOfCyclesAndNoModuleReachesIntoAnothersInternals() {
        ModuleStructure.verify(PaymentWorkerApplication.class);
    }
}
