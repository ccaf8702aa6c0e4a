package io.paystream.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import io.paystream.testsupport.architecture.fixtures.clean.CleanApplication;
import io.paystream.testsupport.architecture.fixtures.innercycle.InnerCycleApplication;
import io.paystream.testsupport.architecture.fixtures.internal.InternalAccessApplication;
import io.paystream.testsupport.architecture.fixtures.rootcycle.RootCycleApplication;
import org.junit.jupiter.api.Test;

/** The check on small planted layouts; they live among the tests, so the check is told to read test classes here. */
class ModuleStructureTest {

    private static final ImportOption FIXTURES = new ImportOption.OnlyIncludeTests();
    private static final String FIXTURE_ROOT = "io.paystream.testsupport.architecture.fixtures.";

    @Test
    void aCycleBetweenTheApplicationsPackageAndASubPackageFails() {
        String root = FIXTURE_ROOT + "rootcycle";

        assertThatThrownBy(() -> ModuleStructure.verify(RootCycleApplication.class, FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("package cycle")
                .hasMessageContaining("Slice " + root + " ")
                .hasMessageContaining("Slice " + root + ".endpoint");
    }

    @Test
    void aCycleBetweenTwoInternalPackagesOfOneModuleFails() {
        String orders = FIXTURE_ROOT + "innercycle.orders";

        assertThatThrownBy(() -> ModuleStructure.verify(InnerCycleApplication.class, FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("package cycle")
                .hasMessageContaining("Slice " + orders + ".store")
                .hasMessageContaining("Slice " + orders + ".web");
    }

    @Test
    void aModuleReachingIntoAnotherModulesSubPackageFails() {
        String internal = FIXTURE_ROOT + "internal";

        assertThatThrownBy(() -> ModuleStructure.verify(InternalAccessApplication.class, FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("module boundary")
                .hasMessageContaining("'billing'")
                .hasMessageContaining(internal + ".orders.store.OrderStore")
                .hasMessageNotContaining("package cycle");
    }

    @Test
    void modulesUsingEachOtherThroughTheirApiAndNamedInterfacesPass() {
        assertThatCode(() -> ModuleStructure.verify(CleanApplication.class, FIXTURES))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyMainClassesCountAndFindingNoneFails() {
        // The planted cycle read as a service's test reads its application: its classes are test classes here, so none
        // is read, and a check that found nothing to check must not pass.
        assertThatThrownBy(() -> ModuleStructure.verify(RootCycleApplication.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No classes found in packages [" + FIXTURE_ROOT + "rootcycle]");
    }
}
