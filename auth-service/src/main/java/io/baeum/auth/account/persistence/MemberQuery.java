package io.baeum.auth.account.persistence;

import org.jspecify.annotations.Nullable;

import io.baeum.auth.account.domain.AccountStatus;
import io.baeum.auth.account.domain.Role;

/**
 * A member search: exact normalised email or phone, a name prefix (≥ 2 characters), role, status,
 * a page and a sort.
 */
public record MemberQuery(@Nullable String email, @Nullable String phone, @Nullable String namePrefix,
        @Nullable Role role, @Nullable AccountStatus status, int page, int size, Sort sort, boolean ascending) {

    /** The sortable columns: encrypted fields cannot be sorted by the database. */
    public enum Sort {
        CREATED_AT("created_at"), LAST_LOGIN_AT("last_login_at"), STATUS("status");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }
}
