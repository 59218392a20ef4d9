package io.baeum.learning.report.web;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.report.ReportService;
import io.baeum.learning.report.domain.EvidenceReport;

/** The evidence report (JSON, HTML, PDF) for instructors of the cohort and admins; the cohort export (xlsx) for admins. */
@RestController
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/manage/enrollments/{enrollmentId}/evidence-report")
    Mono<ApiResponse<EvidenceReport>> json(@PathVariable UUID enrollmentId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return report(enrollmentId, caller).map(ApiResponse::ok);
    }

    @GetMapping("/api/v1/manage/enrollments/{enrollmentId}/evidence-report/html")
    Mono<ResponseEntity<String>> html(@PathVariable UUID enrollmentId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return report(enrollmentId, caller).flatMap(reports::html)
                .map(html -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").body(html));
    }

    @GetMapping("/api/v1/manage/enrollments/{enrollmentId}/evidence-report/pdf")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable UUID enrollmentId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return report(enrollmentId, caller).flatMap(reports::pdf)
                .map(pdf -> attachment(pdf, MediaType.APPLICATION_PDF, "evidence-report-" + enrollmentId + ".pdf"));
    }

    @GetMapping("/api/v1/admin/cohorts/{cohortId}/audit-export")
    Mono<ResponseEntity<byte[]>> auditExport(@PathVariable UUID cohortId) {
        return reports.auditExport(cohortId).map(xlsx -> attachment(xlsx, XLSX, "cohort-" + cohortId + ".xlsx"));
    }

    private Mono<EvidenceReport> report(UUID enrollmentId, VerifiedAccessToken caller) {
        return reports.evidence(enrollmentId, caller.subject(), caller.hasRole("ADMIN"));
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
