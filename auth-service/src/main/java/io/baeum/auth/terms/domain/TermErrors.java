package io.baeum.auth.terms.domain;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

public final class TermErrors {

    private TermErrors() {
    }

    public static DomainException unknownTerm(String code, int version) {
        return new DomainException(ErrorKind.RULE, "UNKNOWN_TERM",
                "There is no term " + code + " version " + version + ".", code, version);
    }

    public static DomainException outdatedTerm(String code, int version) {
        return new DomainException(ErrorKind.RULE, "TERM_OUTDATED",
                "Term " + code + " version " + version + " is no longer current.", code, version);
    }

    public static DomainException requiredTermsMissing(String codes) {
        return new DomainException(ErrorKind.RULE, "REQUIRED_TERMS_MISSING",
                "Consent to the required terms is missing: " + codes, codes);
    }

    public static DomainException requiredTermNotWithdrawable(String code) {
        return new DomainException(ErrorKind.CONFLICT, "TERM_REQUIRED",
                "Consent to the required term " + code + " cannot be withdrawn.", code);
    }

    public static DomainException notAgreed(String code) {
        return new DomainException(ErrorKind.CONFLICT, "CONSENT_NOT_GIVEN", "There is no consent to " + code + " to withdraw.",
                code);
    }
}
