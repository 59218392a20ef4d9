package io.baeum.learning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Features keep out of each other's persistence; domain code is plain Java. */
class ArchitectureTests {

    static final List<String> FEATURES = List.of("course", "cohort", "policy", "enrollment", "playback", "progress");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.baeum.learning");
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesPersistence() {
        for (String feature : FEATURES) {
            for (String other : FEATURES) {
                if (!feature.equals(other)) {
                    noClasses().that().resideInAPackage("io.baeum.learning." + feature + "..")
                            .should().dependOnClassesThat().resideInAPackage("io.baeum.learning." + other + ".persistence..")
                            .because("features talk through domain types and services, not each other's SQL adapters")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void domainCodeIsFreeOfSpringAndOfTheOtherLayers() {
        noClasses().that().resideInAPackage("io.baeum.learning..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..", "io.awspring..",
                        "io.baeum.learning..web..", "io.baeum.learning..persistence..", "io.baeum.learning..messaging..",
                        "io.baeum.learning.config..")
                .check(classes);
    }

    @Test
    void persistenceAndDomainDoNotDependOnTheWebLayer() {
        noClasses().that().resideInAnyPackage("io.baeum.learning..persistence..", "io.baeum.learning..messaging..")
                .should().dependOnClassesThat().resideInAPackage("io.baeum.learning..web..")
                .check(classes);
    }
}
