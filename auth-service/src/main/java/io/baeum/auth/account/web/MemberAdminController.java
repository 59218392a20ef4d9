package io.baeum.auth.account.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.account.MemberAdministration;
import io.baeum.auth.account.MemberImportReport;
import io.baeum.auth.account.domain.AccountStatus;
import io.baeum.auth.account.domain.Role;
import io.baeum.auth.account.domain.RoleRequest;
import io.baeum.auth.account.persistence.MemberQuery;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/** Admin member management (ADMIN only, enforced by the security chain on /api/v1/admin/**). */
@RestController
@Validated
class MemberAdminController {

    /** Largest accepted import file. */
    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    private final MemberAdministration members;

    MemberAdminController(MemberAdministration members) {
        this.members = members;
    }

    @GetMapping("/api/v1/admin/members")
    Mono<ApiResponse<List<MemberView>>> search(@AuthenticationPrincipal VerifiedAccessToken token,
            @RequestParam(required = false) @Size(max = 254) @Nullable String email,
            @RequestParam(required = false) @Size(max = 20) @Nullable String phone,
            @RequestParam(required = false) @Size(max = 50) @Nullable String namePrefix,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(required = false) @Nullable AccountStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            ServerWebExchange exchange) {
        String[] parts = sort.split(",", 2);
        MemberQuery.Sort by = switch (parts[0]) {
            case "createdAt" -> MemberQuery.Sort.CREATED_AT;
            case "lastLoginAt" -> MemberQuery.Sort.LAST_LOGIN_AT;
            case "status" -> MemberQuery.Sort.STATUS;
            default -> throw new DomainException(ErrorKind.INVALID, "INVALID_SORT",
                    "Sort by createdAt, lastLoginAt or status.");
        };
        boolean ascending = parts.length > 1 && parts[1].equalsIgnoreCase("asc");
        MemberQuery query = new MemberQuery(email, phone, namePrefix, role, status, page, size, by, ascending);
        return members.search(query, admin(token, exchange)).map(result -> {
            Map<String, Object> pageInfo = new LinkedHashMap<>();
            pageInfo.put("number", page);
            pageInfo.put("size", size);
            pageInfo.put("totalElements", result.total());
            pageInfo.put("totalPages", (result.total() + size - 1) / size);
            pageInfo.put("sort", parts[0] + "," + (ascending ? "asc" : "desc"));
            return ApiResponse.ok(result.items().stream().map(MemberView::of).toList(), Map.of("page", pageInfo));
        });
    }

    @GetMapping("/api/v1/admin/members/{id}")
    Mono<ApiResponse<MemberView>> view(@AuthenticationPrincipal VerifiedAccessToken token, @PathVariable UUID id,
            ServerWebExchange exchange) {
        return members.view(id, admin(token, exchange)).map(a -> ApiResponse.ok(MemberView.of(a)));
    }

    @PostMapping("/api/v1/admin/members/{id}/suspend")
    Mono<ApiResponse<MemberView>> suspend(@AuthenticationPrincipal VerifiedAccessToken token, @PathVariable UUID id,
            ServerWebExchange exchange) {
        return members.suspend(id, admin(token, exchange)).map(a -> ApiResponse.ok(MemberView.of(a)));
    }

    @PostMapping("/api/v1/admin/members/{id}/reactivate")
    Mono<ApiResponse<MemberView>> reactivate(@AuthenticationPrincipal VerifiedAccessToken token, @PathVariable UUID id,
            ServerWebExchange exchange) {
        return members.reactivate(id, admin(token, exchange)).map(a -> ApiResponse.ok(MemberView.of(a)));
    }

    @PostMapping("/api/v1/admin/members/{id}/delete")
    Mono<ApiResponse<MemberView>> delete(@AuthenticationPrincipal VerifiedAccessToken token, @PathVariable UUID id,
            ServerWebExchange exchange) {
        return members.delete(id, admin(token, exchange)).map(a -> ApiResponse.ok(MemberView.of(a)));
    }

    @PostMapping(path = "/api/v1/admin/members/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ApiResponse<MemberImportReport>> importMembers(@AuthenticationPrincipal VerifiedAccessToken token,
            @RequestPart("file") FilePart file, ServerWebExchange exchange) {
        if (!file.filename().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return Mono.error(new DomainException(ErrorKind.INVALID, "INVALID_IMPORT_FILE",
                    "Upload an .xlsx file.", "Upload an .xlsx file."));
        }
        return DataBufferUtils.join(file.content(), MAX_IMPORT_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .flatMap(bytes -> members.importMembers(bytes, admin(token, exchange)))
                .map(ApiResponse::ok);
    }

    record RoleRequestView(UUID id, UUID accountId, String role, String status, @Nullable String reason,
            java.time.Instant requestedAt, java.time.@Nullable Instant decidedAt, @Nullable UUID decidedBy) {

        static RoleRequestView of(RoleRequest r) {
            return new RoleRequestView(r.id(), r.accountId(), r.role().name(), r.status().name(), r.reason(),
                    r.requestedAt(), r.decidedAt(), r.decidedBy());
        }
    }

    @GetMapping("/api/v1/admin/role-requests")
    Mono<ApiResponse<List<RoleRequestView>>> roleRequests(
            @RequestParam(required = false) RoleRequest.@Nullable Status status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return members.roleRequests(status, page, size).map(RoleRequestView::of).collectList()
                .map(list -> ApiResponse.ok(list, Map.of("page", Map.of("number", page, "size", size))));
    }

    record Decision(@Size(max = 500) @Nullable String reason) {
    }

    @PostMapping("/api/v1/admin/role-requests/{id}/approve")
    Mono<ApiResponse<RoleRequestView>> approve(@AuthenticationPrincipal VerifiedAccessToken token, @PathVariable UUID id,
            ServerWebExchange exchange) {
        return members.decide(id, true, null, admin(token, exchange)).map(r -> ApiResponse.ok(RoleRequestView.of(r)));
    }

    @PostMapping("/api/v1/admin/role-requests/{id}/reject")
    Mono<ApiResponse<RoleRequestView>> reject(@AuthenticationPrincipal VerifiedAccessToken token, @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable Decision decision, ServerWebExchange exchange) {
        return members.decide(id, false, decision == null ? null : decision.reason(), admin(token, exchange))
                .map(r -> ApiResponse.ok(RoleRequestView.of(r)));
    }

    static MemberAdministration.Admin admin(VerifiedAccessToken token, ServerWebExchange exchange) {
        return new MemberAdministration.Admin(UUID.fromString(token.subject()), ClientInfo.from(exchange).ip());
    }
}
