package io.baeum.learning.report;

import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.common.error.DomainException;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.report.domain.AuditExport;
import io.baeum.learning.report.domain.ChainVerification;
import io.baeum.learning.report.domain.EvidenceReport;
import io.baeum.learning.report.domain.EvidenceTimeline;
import io.baeum.learning.report.persistence.ReportReads;
import io.baeum.learning.report.render.CohortWorkbook;
import io.baeum.learning.report.render.HtmlReport;
import io.baeum.learning.report.render.PdfReport;
import io.baeum.learning.support.sql.CohortInstructors;

/**
 * The evidence report of one enrollment (for an instructor of its cohort or an admin) and the auditor's cohort
 * export (admins). The chain is verified on every read with progress's own hashing. PDF and xlsx are rendered
 * off the event loop.
 */
@Service
public class ReportService {

    private final ReportReads reads;
    private final CohortInstructors instructors;
    private final Clock clock;
    private final ZoneId zone;
    private final ReportProperties properties;

    ReportService(ReportReads reads, CohortInstructors instructors, Clock clock, LearningProperties learning,
                  ReportProperties properties) {
        this.reads = reads;
        this.instructors = instructors;
        this.clock = clock;
        this.zone = learning.zone();
        this.properties = properties;
    }

    /** The report, verified; NOT_FOUND for an unknown enrollment and for one outside an instructor's cohorts. */
    public Mono<EvidenceReport> evidence(UUID enrollmentId, String callerId, boolean admin) {
        return reads.header(enrollmentId)
                .filterWhen(h -> admin ? Mono.just(true) : instructors.teaches(h.cohortId(), callerId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("ENROLLMENT_NOT_FOUND", "no enrollment " + enrollmentId)))
                .flatMap(header -> Mono.zip(
                                reads.evidence(enrollmentId).collectList(),
                                reads.head(enrollmentId).map(Optional::of).defaultIfEmpty(Optional.empty()),
                                reads.lessons(enrollmentId).collectList(),
                                reads.cueAttempts(enrollmentId).collectList(),
                                reads.results(enrollmentId).collectList(),
                                reads.decision(enrollmentId).map(Optional::of).defaultIfEmpty(Optional.empty()),
                                reads.certificate(enrollmentId).map(Optional::of).defaultIfEmpty(Optional.empty()))
                        .map(t -> {
                            ChainVerification chain = ChainVerification.verify(t.getT1(), t.getT2().orElse(null));
                            Map<UUID, String> titles = t.getT3().stream()
                                    .collect(Collectors.toMap(EvidenceReport.LessonLine::lessonId, EvidenceReport.LessonLine::title));
                            return new EvidenceReport(header, chain, t.getT3(), EvidenceTimeline.of(t.getT1(), titles, t.getT3(), t.getT4(),
                                    t.getT5(), t.getT6().orElse(null), t.getT7().orElse(null)), clock.instant());
                        }));
    }

    public Mono<String> html(EvidenceReport report) {
        return Mono.fromCallable(() -> HtmlReport.render(report, zone)).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<byte[]> pdf(EvidenceReport report) {
        if (!Files.isReadable(properties.font())) {
            return Mono.error(DomainException.unavailable("REPORT_FONT_MISSING", "the PDF font " + properties.font() + " is not installed"));
        }
        return Mono.fromCallable(() -> PdfReport.render(report, zone, properties.font())).subscribeOn(Schedulers.boundedElastic());
    }

    /** The cohort's export as xlsx; NOT_FOUND for an unknown cohort. */
    public Mono<byte[]> auditExport(UUID cohortId) {
        return reads.cohort(cohortId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COHORT_NOT_FOUND", "no cohort " + cohortId)))
                .flatMap(cohort -> Mono.zip(
                                reads.policy(cohort.trainingType(), cohort.studyFrom()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                                reads.auditRows(cohortId).collectList())
                        .map(t -> new AuditExport(cohort, t.getT1().orElse(null), t.getT2(), clock.instant())))
                .publishOn(Schedulers.boundedElastic())
                .map(export -> CohortWorkbook.render(export, zone));
    }
}
