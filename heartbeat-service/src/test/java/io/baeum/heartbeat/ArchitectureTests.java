package io.baeum.heartbeat;

import org.junit.jupiter.api.Test;

import io.baeum.testing.architecture.BaeumArchitectureRules;

/**
 * The shared architecture rules (common-test's {@link BaeumArchitectureRules}) over io.baeum.heartbeat, all but
 * {@code errorsCarryAKindNotAStatus}, which heartbeat passes only after its errors move to {@code ErrorKind}s.
 */
class ArchitectureTests {

    static final BaeumArchitectureRules rules = BaeumArchitectureRules.forBasePackage("io.baeum.heartbeat");

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

    // TODO(issue 11, heartbeat refactor): add errorsCarryAKindNotAnHttpStatus
    // (rules.errorsCarryAKindNotAStatus()) once playback.PlaybackService and the other heartbeat classes throw
    // io.baeum.common.error.DomainException with an ErrorKind instead of the deprecated HttpStatus one.
}
