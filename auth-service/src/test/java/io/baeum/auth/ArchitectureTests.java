package io.baeum.auth;

import org.junit.jupiter.api.Test;

import io.baeum.testing.architecture.BaeumArchitectureRules;

/** The shared architecture rules (common-test's {@link BaeumArchitectureRules}) over io.baeum.auth. */
class ArchitectureTests {

    static final BaeumArchitectureRules rules = BaeumArchitectureRules.forBasePackage("io.baeum.auth");

    @Test
    void domainCodeIsPlainJavaWithoutSpringOrHttp() {
        rules.domainIsPlainJava().check(rules.classes());
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesPersistenceOrWeb() {
        rules.featuresKeepOutOfEachOthersAdapters().check(rules.classes());
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        rules.featuresAreFreeOfCycles().check(rules.classes());
    }

    @Test
    void domainCodeUsesNoControllers() {
        rules.domainUsesNoControllers().check(rules.classes());
    }

    @Test
    void persistenceAndMessagingDoNotUseTheWebLayer() {
        rules.persistenceAndMessagingDoNotUseTheWebLayer().check(rules.classes());
    }

    @Test
    void errorsCarryAKindNotAnHttpStatus() {
        rules.errorsCarryAKindNotAStatus().check(rules.classes());
    }
}
