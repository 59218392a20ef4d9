package io.baeum.learning.support.sql;

import org.springframework.dao.DataIntegrityViolationException;

import io.baeum.common.error.DomainException;

/**
 * The persistence adapters' translation of a constraint the database enforced (a unique key lost to a
 * concurrent writer, a row that vanished under a foreign key) into the domain's refusal: 409 {@code CONFLICT}.
 * Use on writes: {@code .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict)}.
 */
public final class DataConflicts {

    private DataConflicts() {
    }

    public static DomainException conflict(DataIntegrityViolationException cause) {
        DomainException conflict = DomainException.conflict("CONFLICT", "the change conflicts with existing data");
        conflict.initCause(cause);
        return conflict;
    }
}
