package io.baeum.learning.policy.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.baeum.common.error.DomainException;

/** The versions of one training type's policy, and which one is in force on a date. */
public record PolicyBook(String trainingType, List<HrdPolicy> versions) {

    public PolicyBook {
        versions = versions.stream().sorted(Comparator.comparing(HrdPolicy::effectiveFrom)).toList();
    }

    /** The latest version whose effective date is on or before {@code date}. */
    public Optional<HrdPolicy> inForceOn(LocalDate date) {
        HrdPolicy found = null;
        for (HrdPolicy policy : versions) {
            if (!policy.effectiveFrom().isAfter(date)) {
                found = policy;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A new version: it must start in the future (today is already governed by a version that
     * cohorts rely on) and after every existing version.
     */
    public int nextVersion(LocalDate effectiveFrom, LocalDate today) {
        if (!effectiveFrom.isAfter(today)) {
            throw DomainException.invalid("POLICY_NOT_IN_FUTURE", "a new policy version must start after today", today);
        }
        for (HrdPolicy policy : versions) {
            if (!policy.effectiveFrom().isBefore(effectiveFrom)) {
                throw DomainException.conflict("POLICY_DATE_TAKEN", "a version already starts on or after " + effectiveFrom,
                        policy.effectiveFrom());
            }
        }
        return versions.stream().mapToInt(HrdPolicy::version).max().orElse(0) + 1;
    }
}
