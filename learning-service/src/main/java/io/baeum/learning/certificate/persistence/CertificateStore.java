package io.baeum.learning.certificate.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.learning.certificate.domain.Certificate;
import io.baeum.learning.certificate.domain.CertificateDocument;
import io.baeum.learning.certificate.domain.CertificateForm;

/** Certificates and their issues in PostgreSQL. */
@Repository
public class CertificateStore {

    private static final String DOCUMENT = "SELECT ce.*, c.title AS course_title, co.study_from, co.study_to, "
            + "(SELECT COALESCE(sum(l.recognised_seconds), 0) FROM lesson l WHERE l.course_id = ce.course_id) AS recognised_seconds, "
            + "i.issue_no, i.issued_at AS last_issued_at FROM certificate ce JOIN course c ON c.id = ce.course_id "
            + "JOIN cohort co ON co.id = ce.cohort_id "
            + "JOIN LATERAL (SELECT issue_no, issued_at FROM certificate_issue ci WHERE ci.number = ce.number "
            + "ORDER BY issue_no DESC LIMIT 1) i ON true ";

    private final DatabaseClient db;

    CertificateStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Long> nextSequence() {
        return db.sql("SELECT nextval('certificate_seq') AS n").map((row, meta) -> row.get("n", Long.class)).one();
    }

    public Mono<Certificate> findByEnrollment(UUID enrollmentId) {
        return db.sql("SELECT * FROM certificate WHERE enrollment_id = :e").bind("e", enrollmentId)
                .map((row, meta) -> read(row)).one();
    }

    /** The certificate, its row locked until the transaction ends. */
    public Mono<Certificate> lock(String number) {
        return db.sql("SELECT * FROM certificate WHERE number = :n FOR UPDATE").bind("n", number)
                .map((row, meta) -> read(row)).one();
    }

    public Mono<CertificateDocument> document(String number) {
        return db.sql(DOCUMENT + "WHERE ce.number = :n").bind("n", number).map((row, meta) -> document(row)).one();
    }

    public Flux<CertificateDocument> documentsOf(String accountId) {
        return db.sql(DOCUMENT + "WHERE ce.account_id = :a ORDER BY ce.issued_at DESC, ce.number").bind("a", accountId)
                .map((row, meta) -> document(row)).all();
    }

    /** Inserts a new certificate and its first issue. */
    public Mono<Void> insert(Certificate c, CertificateForm form, String issuedBy) {
        return db.sql("INSERT INTO certificate (number, enrollment_id, account_id, course_id, cohort_id, holder_name, show_holder_name, "
                        + "issued_at, kept_until) VALUES (:n, :e, :a, :course, :cohort, :holder, :show, :at, :kept)")
                .bind("n", c.number()).bind("e", c.enrollmentId()).bind("a", c.accountId()).bind("course", c.courseId())
                .bind("cohort", c.cohortId()).bind("holder", c.holderName()).bind("show", c.showHolderName())
                .bind("at", offset(c.issuedAt())).bind("kept", c.keptUntil())
                .then()
                .then(addIssue(c.number(), form, c.issuedAt(), issuedBy).then());
    }

    /** Records one more issue of a locked certificate; emits its issue number. */
    public Mono<Integer> addIssue(String number, CertificateForm form, Instant at, String by) {
        return db.sql("INSERT INTO certificate_issue (number, issue_no, form, issued_at, issued_by) "
                        + "SELECT :n, COALESCE(max(issue_no), 0) + 1, :form, :at, :by FROM certificate_issue WHERE number = :n "
                        + "RETURNING issue_no")
                .bind("n", number).bind("form", form.name()).bind("at", offset(at)).bind("by", by)
                .map((row, meta) -> row.get("issue_no", Integer.class)).one();
    }

    /** Fills the holder's name once (the first download); later names never overwrite it. */
    public Mono<Void> fillHolderName(String number, String name) {
        return db.sql("UPDATE certificate SET holder_name = :name WHERE number = :n AND holder_name = ''")
                .bind("n", number).bind("name", name).then();
    }

    public Mono<Void> showHolderName(String number, boolean show) {
        return db.sql("UPDATE certificate SET show_holder_name = :show WHERE number = :n").bind("n", number).bind("show", show).then();
    }

    public Mono<Void> revoke(Certificate c) {
        return db.sql("UPDATE certificate SET revoked_at = :at, revoked_reason = :reason WHERE number = :n AND revoked_at IS NULL")
                .bind("n", c.number())
                .bind("at", Parameter.fromOrEmpty(c.revokedAt() == null ? null : offset(c.revokedAt()), OffsetDateTime.class))
                .bind("reason", Parameter.fromOrEmpty(c.revokedReason(), String.class))
                .then();
    }

    private static CertificateDocument document(Readable row) {
        return new CertificateDocument(read(row), row.get("course_title", String.class), row.get("study_from", LocalDate.class),
                row.get("study_to", LocalDate.class), row.get("recognised_seconds", Number.class).longValue(),
                row.get("issue_no", Integer.class), row.get("last_issued_at", OffsetDateTime.class).toInstant());
    }

    private static Certificate read(Readable row) {
        OffsetDateTime revoked = row.get("revoked_at", OffsetDateTime.class);
        return new Certificate(row.get("number", String.class), row.get("enrollment_id", UUID.class), row.get("cohort_id", UUID.class),
                row.get("course_id", UUID.class), row.get("account_id", String.class), row.get("holder_name", String.class),
                row.get("show_holder_name", Boolean.class), row.get("issued_at", OffsetDateTime.class).toInstant(),
                row.get("kept_until", LocalDate.class), revoked == null ? null : revoked.toInstant(),
                row.get("revoked_reason", String.class));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
