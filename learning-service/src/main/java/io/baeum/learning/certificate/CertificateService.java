package io.baeum.learning.certificate;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.common.error.DomainException;
import io.baeum.learning.certificate.accounts.HolderNames;
import io.baeum.learning.certificate.domain.Certificate;
import io.baeum.learning.certificate.domain.CertificateDocument;
import io.baeum.learning.certificate.domain.CertificateForm;
import io.baeum.learning.certificate.domain.CertificateNumber;
import io.baeum.learning.certificate.pdf.CertificateRenderer;
import io.baeum.learning.certificate.persistence.CertificateStore;
import io.baeum.learning.config.CertificateProperties;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.support.events.LearningEvents;

/**
 * Certificate use cases: issue on completion (in the completion's transaction), the holder's list and PDF,
 * re-issue under the same number, revocation, and the public verification (reads only).
 */
@Service
public class CertificateService {

    /** Issued by the completion decision, not by a person. */
    public static final String SYSTEM = "completion";

    private final CertificateStore store;
    private final LearningEvents events;
    private final HolderNames holderNames;
    private final CertificateRenderer renderer;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final LearningProperties learning;
    private final CertificateProperties properties;

    CertificateService(CertificateStore store, LearningEvents events, HolderNames holderNames, CertificateRenderer renderer,
                       TransactionalOperator tx, Clock clock, LearningProperties learning, CertificateProperties properties) {
        this.store = store;
        this.events = events;
        this.holderNames = holderNames;
        this.renderer = renderer;
        this.tx = tx;
        this.clock = clock;
        this.learning = learning;
        this.properties = properties;
    }

    /** Who completed what: the subject of a new certificate. */
    public record Holder(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId) {
    }

    /** Issues the enrollment's certificate unless it has one (then nothing changes); call inside the completion's transaction. */
    public Mono<String> issueFor(Holder holder) {
        return store.findByEnrollment(holder.enrollmentId()).map(Certificate::number)
                .switchIfEmpty(Mono.defer(() -> store.nextSequence().flatMap(sequence -> {
                    var now = clock.instant();
                    int year = LocalDate.ofInstant(now, learning.zone()).getYear();
                    Certificate.Change issued = Certificate.issue(new CertificateNumber(year, sequence), holder.enrollmentId(),
                            holder.cohortId(), holder.courseId(), holder.accountId(), now, learning.zone());
                    return store.insert(issued.certificate(), CertificateForm.HRD, SYSTEM)
                            .then(events.publish(issued.certificate().number(), issued.events()))
                            .thenReturn(issued.certificate().number());
                })));
    }

    /** Revokes the enrollment's certificate, if it has a valid one (a completion taken back); inside the caller's transaction. */
    public Mono<Void> revokeFor(UUID enrollmentId, String reason, String by) {
        return store.findByEnrollment(enrollmentId)
                .filter(c -> c.status() == Certificate.Status.VALID)
                .flatMap(c -> store.lock(c.number()))
                .flatMap(c -> revoked(c, reason, by))
                .then();
    }

    /** An admin revokes a certificate with a reason (e.g. 모사답안 확인). */
    public Mono<CertificateDocument> revoke(String numberText, String reason, String adminId) {
        String number = CertificateNumber.parse(numberText).toString();
        return store.lock(number)
                .switchIfEmpty(Mono.error(() -> notFound(number)))
                .flatMap(c -> revoked(c, reason, adminId))
                .then(Mono.defer(() -> store.document(number)))
                .as(tx::transactional);
    }

    private Mono<Void> revoked(Certificate c, String reason, String by) {
        Certificate.Change change = c.revoke(reason, by, clock.instant());
        return store.revoke(change.certificate()).then(events.publish(c.number(), change.events()));
    }

    public Mono<List<CertificateDocument>> mine(String accountId) {
        return store.documentsOf(accountId).collectList();
    }

    /** Re-issues the holder's certificate under the same number: one more issue row, the new issue date. */
    public Mono<CertificateDocument> reissue(String numberText, String accountId, boolean admin, CertificateForm form, String by) {
        String number = CertificateNumber.parse(numberText).toString();
        return store.lock(number)
                .filter(c -> admin || c.accountId().equals(accountId))
                .switchIfEmpty(Mono.error(() -> notFound(number)))
                .flatMap(c -> {
                    if (c.status() == Certificate.Status.REVOKED) {
                        return Mono.error(DomainException.conflict("CERTIFICATE_REVOKED", "certificate " + number + " was revoked", number));
                    }
                    return store.addIssue(number, form, clock.instant(), by);
                })
                .then(Mono.defer(() -> store.document(number)))
                .as(tx::transactional);
    }

    /** The holder chooses whether the public verification shows their name. */
    public Mono<CertificateDocument> showHolderName(String numberText, String accountId, boolean show) {
        String number = CertificateNumber.parse(numberText).toString();
        return owned(number, accountId).flatMap(d -> store.showHolderName(number, show))
                .then(Mono.defer(() -> store.document(number)));
    }

    /** The holder's PDF: the name is asked of auth-service the first time (with the holder's token), then kept. */
    public Mono<byte[]> pdf(String numberText, String accountId, String bearerToken, CertificateForm form) {
        String number = CertificateNumber.parse(numberText).toString();
        return owned(number, accountId)
                .flatMap(d -> d.certificate().hasHolderName() ? Mono.just(d)
                        : holderNames.nameOf(bearerToken).flatMap(name -> store.fillHolderName(number, name))
                                .then(Mono.defer(() -> store.document(number))))
                .flatMap(d -> {
                    if (d.certificate().status() == Certificate.Status.REVOKED) {
                        return Mono.error(DomainException.conflict("CERTIFICATE_REVOKED", "certificate " + number + " was revoked", number));
                    }
                    URI verify = properties.verificationUrl(number);
                    return Mono.fromCallable(() -> renderer.render(d, form, verify)).subscribeOn(Schedulers.boundedElastic());
                });
    }

    /** What anyone may see of a certificate: validity, course and period; the name only if the holder chose so. */
    public record Verification(String number, Certificate.Status status, String courseTitle, LocalDate studyFrom, LocalDate studyTo,
                               LocalDate issuedOn, @org.jspecify.annotations.Nullable LocalDate revokedOn,
                               @org.jspecify.annotations.Nullable String holderName) {
    }

    /** Public: 400 for a malformed number (check character included), 404 for an unknown one; reads only. */
    public Mono<Verification> verify(String numberText) {
        String number = CertificateNumber.parse(numberText).toString();
        return store.document(number)
                .switchIfEmpty(Mono.error(() -> notFound(number)))
                .map(d -> {
                    Certificate c = d.certificate();
                    return new Verification(c.number(), c.status(), d.courseTitle(), d.studyFrom(), d.studyTo(),
                            LocalDate.ofInstant(c.issuedAt(), learning.zone()),
                            c.revokedAt() == null ? null : LocalDate.ofInstant(c.revokedAt(), learning.zone()),
                            c.showHolderName() && c.hasHolderName() ? c.holderName() : null);
                });
    }

    public URI verificationUrl(String number) {
        return properties.verificationUrl(number);
    }

    private Mono<CertificateDocument> owned(String number, String accountId) {
        return store.document(number).filter(d -> d.certificate().accountId().equals(accountId))
                .switchIfEmpty(Mono.error(() -> notFound(number)));
    }

    private static DomainException notFound(String number) {
        return DomainException.notFound("CERTIFICATE_NOT_FOUND", "no certificate " + number, number);
    }
}
