package io.paystream.catalog;

import io.paystream.testsupport.architecture.ModuleStructure;
import org.junit.jupiter.api.Test;

/**
 * catalog-sync's packages, its main classes only: no package cycle (the root package and every sub-package each a
 * slice), and no module (a direct sub-package: {@code connection}, {@code sync}, {@code product}, ...) reaching into
 * another module's sub-packages.
 */
class ModuleStructureTest {

    @Test
    void modulesAreFreeOfCyclesAndInternals() {
        ModuleStructure.verify(CatalogSyncApplication.class);
    }
}
