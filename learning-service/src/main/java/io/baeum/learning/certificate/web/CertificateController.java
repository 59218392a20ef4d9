package io.baeum.learning.certificate.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.certificate.CertificateService;
import io.baeum.learning.certificate.domain.Certificate;
import io.baeum.learning.certificate.domain.CertificateDocument;
import io.baeum.learning.certificate.domain.CertificateForm;

/**
 * Certificates over HTTP: the holder's list, PDF (HRD or free form), re-issue and name choice; the admin's
 * revocation and re-issue; the public verification (no token, no personal data unless the holder chose so).
 */
@RestController
class CertificateController {

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    /** A certificate as its holder or an admin sees it. */
    record CertificateView(String number, String status, String courseId, String courseTitle, LocalDate studyFrom,
                           LocalDate studyTo, long hours, Instant issuedAt, int issueNo, Instant lastIssuedAt, LocalDate keptUntil,
                           boolean showHolderName, @Nullable Instant revokedAt, String verificationUrl) {

        static CertificateView of(CertificateDocument d, String verificationUrl) {
            Certificate c = d.certificate();
            return new CertificateView(c.number(), c.status().name(), c.courseId().toString(), d.courseTitle(), d.studyFrom(),
                    d.studyTo(), d.hours(), c.issuedAt(), d.issueNo(), d.lastIssuedAt(), c.keptUntil(), c.showHolderName(),
                    c.revokedAt(), verificationUrl);
        }
    }

    record ReissueRequest(@Nullable @Pattern(regexp = "(?i)HRD|FREE") String form) {
    }

    record PrivacyRequest(@NotNull Boolean showHolderName) {
    }

    record RevocationRequest(@NotBlank @Size(max = Certificate.MAX_REASON_LENGTH) String reason) {
    }

    @GetMapping("/api/v1/me/certificates")
    Mono<ApiResponse<List<CertificateView>>> mine(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return certificates.mine(caller.subject()).map(list -> ApiResponse.ok(list.stream().map(this::view).toList()));
    }

    @GetMapping(value = "/api/v1/me/certificates/{number}.pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String number, @RequestParam(defaultValue = "HRD") String form,
                                     @AuthenticationPrincipal VerifiedAccessToken caller, ServerWebExchange exchange) {
        CertificateForm chosen = CertificateForm.parse(form);
        String bearer = String.valueOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .replaceFirst("(?i)^Bearer ", "");
        return certificates.pdf(number, caller.subject(), bearer, chosen)
                .map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("certificate-" + number + "-" + chosen.name().toLowerCase(java.util.Locale.ROOT) + ".pdf")
                                .build().toString())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(bytes));
    }

    @PostMapping("/api/v1/me/certificates/{number}/reissues")
    Mono<ApiResponse<CertificateView>> reissue(@PathVariable String number, @Valid @RequestBody(required = false) @Nullable ReissueRequest request,
                                               @AuthenticationPrincipal VerifiedAccessToken caller) {
        return certificates.reissue(number, caller.subject(), false, form(request), caller.subject())
                .map(d -> ApiResponse.ok(view(d)));
    }

    @PutMapping("/api/v1/me/certificates/{number}/privacy")
    Mono<ApiResponse<CertificateView>> privacy(@PathVariable String number, @Valid @RequestBody PrivacyRequest request,
                                               @AuthenticationPrincipal VerifiedAccessToken caller) {
        return certificates.showHolderName(number, caller.subject(), request.showHolderName()).map(d -> ApiResponse.ok(view(d)));
    }

    @PostMapping("/api/v1/admin/certificates/{number}/revocation")
    Mono<ApiResponse<CertificateView>> revoke(@PathVariable String number, @Valid @RequestBody RevocationRequest request,
                                              @AuthenticationPrincipal VerifiedAccessToken caller) {
        return certificates.revoke(number, request.reason(), caller.subject()).map(d -> ApiResponse.ok(view(d)));
    }

    @PostMapping("/api/v1/admin/certificates/{number}/reissues")
    Mono<ApiResponse<CertificateView>> reissueAsAdmin(@PathVariable String number,
                                                      @Valid @RequestBody(required = false) @Nullable ReissueRequest request,
                                                      @AuthenticationPrincipal VerifiedAccessToken caller) {
        return certificates.reissue(number, caller.subject(), true, form(request), caller.subject()).map(d -> ApiResponse.ok(view(d)));
    }

    /** Public: the verification page's data. */
    @GetMapping("/api/v1/certificates/{number}/verification")
    Mono<ApiResponse<CertificateService.Verification>> verify(@PathVariable String number) {
        return certificates.verify(number).map(ApiResponse::ok);
    }

    private CertificateView view(CertificateDocument d) {
        return CertificateView.of(d, certificates.verificationUrl(d.certificate().number()).toString());
    }

    private static CertificateForm form(@Nullable ReissueRequest request) {
        return request == null || request.form() == null ? CertificateForm.HRD : CertificateForm.parse(request.form());
    }
}
