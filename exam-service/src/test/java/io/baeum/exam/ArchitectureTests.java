package io.baeum.exam;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Domain code is plain Java (rules, grading, similarity); no layer below the web depends on it. */
class ArchitectureTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.baeum.exam");
    }

    @Test
    void domainCodeIsFreeOfSpringAndOfTheOtherLayers() {
        noClasses().that().resideInAPackage("io.baeum.exam..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..", "io.awspring..", "org.apache.poi..",
                        "io.baeum.exam..web..", "io.baeum.exam..persistence..", "io.baeum.exam..messaging..", "io.baeum.exam.config..")
                .check(classes);
    }

    @Test
    void persistenceAndMessagingDoNotDependOnTheWebLayer() {
        noClasses().that().resideInAnyPackage("io.baeum.exam..persistence..", "io.baeum.exam..messaging..")
                .should().dependOnClassesThat().resideInAPackage("io.baeum.exam..web..")
                .check(classes);
    }

    @Test
    void onlyControllersKnowHttpTypes() {
        noClasses().that().resideInAnyPackage("io.baeum.exam..domain..", "io.baeum.exam..persistence..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.http..")
                .check(classes);
    }
}
