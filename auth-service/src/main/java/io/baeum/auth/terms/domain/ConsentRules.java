package io.baeum.auth.terms.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which agreements a sign-up needs, checked against the terms currently in effect. */
public final class ConsentRules {

    private ConsentRules() {
    }

    /**
     * The current terms {@code agreed} names, after checking every one is a current version and
     * every required term is among them.
     */
    public static List<Term> checkSignUp(Collection<Term> current, Collection<TermRef> agreed, Set<TermRef> known) {
        Map<String, Term> byCode = current.stream().collect(Collectors.toMap(Term::code, Function.identity()));
        for (TermRef ref : agreed) {
            Term term = byCode.get(ref.code());
            if (term == null || !known.contains(ref)) {
                if (known.contains(ref)) {
                    throw TermErrors.outdatedTerm(ref.code(), ref.version());
                }
                throw TermErrors.unknownTerm(ref.code(), ref.version());
            }
            if (term.version() != ref.version()) {
                throw TermErrors.outdatedTerm(ref.code(), ref.version());
            }
        }
        Set<String> agreedCodes = agreed.stream().map(TermRef::code).collect(Collectors.toSet());
        String missing = current.stream().filter(Term::required).map(Term::code).filter(c -> !agreedCodes.contains(c))
                .sorted().collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw TermErrors.requiredTermsMissing(missing);
        }
        return agreed.stream().map(ref -> byCode.get(ref.code())).distinct().toList();
    }
}
