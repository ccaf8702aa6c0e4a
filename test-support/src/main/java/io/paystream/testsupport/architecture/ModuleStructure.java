package io.paystream.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The package structure every service keeps, checked on its main classes (not its tests) by one line in its tests:
 *
 * <pre>{@code
 * @Test
 * void modulesAreFreeOfCyclesAndInternals() {
 *     ModuleStructure.verify(WebhookIngestApplication.class);
 * }
 * }</pre>
 *
 * <ol>
 *   <li><b>No package cycle</b> (ArchUnit): every package under the application's package, that package included, is
 *       one slice, and no slice may reach itself again through others. {@code ingest} ↔ {@code ingest.endpoint}
 *       fails, and so does a cycle between two sub-packages of one module, which Spring Modulith does not look at.
 *   <li><b>No reaching into another module's internals</b> (Spring Modulith, {@code ApplicationModules.verify()}):
 *       each direct sub-package of the application's package is a module; the types in a module's own package are its
 *       API, those in its sub-packages are internal to it, unless a sub-package is declared a named interface
 *       ({@code @org.springframework.modulith.NamedInterface} on its {@code package-info}). Modulith also rejects
 *       cycles between modules. Classes in the application's own package belong to no module.
 * </ol>
 *
 * Fails with an {@link AssertionError} that lists every finding, naming the packages and the types involved.
 */
public final class ModuleStructure {

    /** Main classes only: a test may use whatever it needs to set a module up. */
    private static final ImportOption MAIN_CLASSES = new ImportOption.DoNotIncludeTests();

    private ModuleStructure() {}

    /** Checks the packages of {@code applicationClass}'s package, which must carry {@code @SpringBootApplication}. */
    public static void verify(Class<?> applicationClass) {
        verify(applicationClass, MAIN_CLASSES);
    }

    /** {@link #verify(Class)} on the classes {@code classes} admits; this module's tests check fixtures with it. */
    static void verify(Class<?> applicationClass, ImportOption classes) {
        String root = applicationClass.getPackageName();
        List<String> findings = new ArrayList<>();
        findings.addAll(packageCycles(root, classes));
        findings.addAll(moduleViolations(applicationClass, classes));
        if (!findings.isEmpty()) {
            throw new AssertionError("the packages of " + root + " break the module structure (" + findings.size()
                    + " finding(s)):\n- " + String.join("\n- ", findings));
        }
    }

    private static List<String> packageCycles(String root, ImportOption classes) {
        JavaClasses imported = new ClassFileImporter().withImportOption(classes).importPackages(root);
        EvaluationResult result = SlicesRuleDefinition.slices()
                .assignedFrom(new OnePackageOneSlice(root))
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .evaluate(imported);
        return result.hasViolation()
                ? result.getFailureReport().getDetails().stream()
                        .map(cycle -> "package cycle (ArchUnit): " + cycle)
                        .toList()
                : List.of();
    }

    private static List<String> moduleViolations(Class<?> applicationClass, ImportOption classes) {
        Violations violations = ApplicationModules.of(applicationClass, classes).detectViolations();
        return violations.getMessages().stream()
                .map(message -> "module boundary (Spring Modulith): " + message)
                .toList();
    }

    /** Each package under {@code root}, {@code root} itself included, is a slice of its own; other classes are none. */
    private record OnePackageOneSlice(String root) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(root) || name.startsWith(root + ".")
                    ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package under " + root;
        }
    }
}
