package io.baeum.exam;

import org.junit.jupiter.api.Test;

import io.baeum.testing.architecture.BaeumArchitectureRules;

/** The shared architecture rules (common-test's {@link BaeumArchitectureRules}) over io.baeum.exam. */
class ArchitectureTests {

    static final BaeumArchitectureRules rules = BaeumArchitectureRules.forBasePackage("io.baeum.exam");

    @Test
    void domainCodeIsPlainJavaWithoutSpringOrHttp() {
        rules.domainIsPlainJava().check(rules.classes());
    }

    // Known debt (issue 14, architecture): attempt, assignment and grading use each other's persistence stores
    // (78 dependencies; attempt <-> assignment is a cycle). featuresKeepOutOfEachOthersAdapters() and
    // featuresAreFreeOfCycles() join this class when those features talk through application services.

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
