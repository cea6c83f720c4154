package dev.patchexplorer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package boundaries of ARCHITECTURE.md, enforced: app -> ui, cli -> model -> core; imagefile (reading
 * image files into core images) sits beside model, so that the window and the command line share it.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.patchexplorer");
    }

    @Test
    void coreIsPureJava() {
        noClasses().that().resideInAPackage("dev.patchexplorer.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "ai.djl..", "java.awt..", "javax.swing..", "javax.imageio..",
                        "com.fasterxml..", "dev.patchexplorer.model..", "dev.patchexplorer.ui..", "dev.patchexplorer.imagefile..",
                        "dev.patchexplorer.cli..", "dev.patchexplorer.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyModelTouchesDjl() {
        noClasses().that().resideOutsideOfPackage("dev.patchexplorer.model..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void modelAndCliStayHeadless() {
        noClasses().that().resideInAnyPackage("dev.patchexplorer.model..", "dev.patchexplorer.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.patchexplorer.ui..",
                        "dev.patchexplorer.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void modelDoesNotKnowTheCli() {
        noClasses().that().resideInAPackage("dev.patchexplorer.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.patchexplorer.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void imageFilesAreHeadlessAndKnowOnlyCore() {
        noClasses().that().resideInAPackage("dev.patchexplorer.imagefile..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..", "javax.swing..",
                        "dev.patchexplorer.model..", "dev.patchexplorer.ui..", "dev.patchexplorer.cli..",
                        "dev.patchexplorer.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** The exported view's renderer is shared by the window and the render command, so it knows neither. */
    @Test
    void renderIsHeadlessAndKnowsOnlyCore() {
        noClasses().that().resideInAPackage("dev.patchexplorer.render..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..", "javax.swing..",
                        "dev.patchexplorer.model..", "dev.patchexplorer.ui..", "dev.patchexplorer.cli..",
                        "dev.patchexplorer.app..", "dev.patchexplorer.imagefile..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void uiDoesNotKnowTheCliOrApp() {
        noClasses().that().resideInAPackage("dev.patchexplorer.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchexplorer.cli..",
                        "dev.patchexplorer.app..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
