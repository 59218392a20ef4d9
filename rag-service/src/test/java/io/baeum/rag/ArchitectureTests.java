package io.baeum.rag;

import org.junit.jupiter.api.Test;

import io.baeum.testing.architecture.BaeumArchitectureRules;

/** The shared architecture rules (common-test's {@link BaeumArchitectureRules}) over io.baeum.rag. */
class ArchitectureTests {

    static final BaeumArchitectureRules rules = BaeumArchitectureRules.forBasePackage("io.baeum.rag");

    @Test
    void domainCodeIsPlainJavaWithoutSpringOrHttp() {
        rules.domainIsPlainJava().check(rules.classes());
    }

    // Known debt (issue 16, architecture): features of this service use each other's persistence
    // stores and depend on each other in a cycle. featuresKeepOutOfEachOthersAdapters() and featuresAreFreeOfCycles()
    // join this class when those features talk through application services.

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
