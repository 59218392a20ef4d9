package io.baeum.learning.notification.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.notification.NotificationService;
import io.baeum.learning.notification.domain.NotificationTemplate;
import io.baeum.learning.notification.persistence.NotificationStore;
import io.baeum.learning.support.PageRequest;

/** The send log (who, channel, template, when, result, error), and the triggers run on demand. */
@RestController
class NotificationAdminController {

    private static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "SKIPPED");

    private final NotificationStore store;
    private final NotificationService service;

    NotificationAdminController(NotificationStore store, NotificationService service) {
        this.store = store;
        this.service = service;
    }

    record SendView(java.util.UUID id, String triggerKey, String accountId, String channel, String template,
                    @Nullable String address, String status, int attempts, @Nullable String error, java.time.Instant createdAt,
                    java.time.@Nullable Instant finishedAt) {
        static SendView of(NotificationStore.Send s) {
            return new SendView(s.id(), s.triggerKey(), s.accountId(), s.channel().name(), s.template(), s.address(), s.status(),
                    s.attempts(), s.error(), s.createdAt(), s.finishedAt());
        }
    }

    @GetMapping("/api/v1/admin/notifications/sends")
    Mono<ApiResponse<List<SendView>>> sends(@RequestParam(required = false) @Nullable String accountId,
            @RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable NotificationTemplate template,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        if (status != null && !STATUSES.contains(status)) {
            throw DomainException.invalid("INVALID_SEND_STATUS", "status is one of " + STATUSES, String.join(", ", STATUSES));
        }
        if (accountId != null && (accountId.isBlank() || accountId.length() > 128)) {
            throw DomainException.invalid("INVALID_ACCOUNT_ID", "accountId has 1..128 characters");
        }
        PageRequest request = PageRequest.of(page, size, sort == null ? "createdAt,desc" : sort, NotificationStore.SORTS, "createdAt");
        return store.sends(accountId, status, template == null ? null : template.name(), request)
                .map(p -> ApiResponse.ok(p.items().stream().map(SendView::of).toList(), request.metadata(p.total())));
    }

    /** Runs the outbox poller and the deadline sweep now (they also run on timers); answers the sends made. */
    @PostMapping("/api/v1/admin/notifications/triggers")
    Mono<ApiResponse<Map<String, Integer>>> runTriggers() {
        return service.pollOutbox().zipWith(service.sweepDeadlines())
                .map(t -> ApiResponse.ok(Map.of("outbox", t.getT1(), "deadlines", t.getT2())));
    }
}
