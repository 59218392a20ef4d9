package io.baeum.auth.account;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What a bulk import did, row by row. */
public record MemberImportReport(int total, int created, int skipped, int rejected, List<Row> rows) {

    public enum Outcome { CREATED, SKIPPED_EXISTS, REJECTED }

    /**
     * @param row       the spreadsheet row number (1-based, as Excel shows it)
     * @param outcome   what happened
     * @param reason    why it was skipped or rejected (a stable code, e.g. {@code INVALID_EMAIL})
     * @param accountId the created or existing account
     */
    public record Row(int row, Outcome outcome, @Nullable String reason, @Nullable UUID accountId) {
    }
}
