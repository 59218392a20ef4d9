package io.baeum.learning.notification;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.notification.domain.Channel;
import io.baeum.learning.notification.domain.DeliveryFailed;
import io.baeum.learning.notification.domain.Message;
import io.baeum.learning.notification.domain.Notification;
import io.baeum.learning.notification.domain.NotificationTemplate;
import io.baeum.learning.notification.domain.Templates;
import io.baeum.learning.notification.persistence.NotificationStore;
import io.baeum.learning.notification.persistence.NotificationStore.EnrollmentFacts;
import io.baeum.learning.notification.persistence.NotificationStore.OutboxTrigger;

/**
 * Sends notifications and records each send. A send is first claimed in the send log under its idempotency key
 * (trigger, recipient, channel): a trigger seen again (the same event read twice, every queue's copy of one event,
 * a sweep run twice) finds the claim and sends nothing. A claimed send is delivered once, with the channel
 * adapter's own retries of transient faults, and its result (SENT, FAILED with the error, SKIPPED without an
 * address) recorded; a failed send is not retried later (at most once, by design: an admin sees it in the log).
 *
 * <p>Triggers: learning's own domain events, read from the outbox table by type name
 * ({@code baeum.learning.notifications.triggers}), so events written by other features (CourseCompleted,
 * CertificateIssued) notify without any change to their code; and the daily deadline sweep.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final int POLL_LIMIT = 500;

    private final NotificationStore store;
    private final ContactDirectory contacts;
    private final EmailSender email;
    private final ObjectProvider<SmsSender> sms;
    private final NotificationProperties properties;
    private final LearningProperties learning;
    private final JsonMapper json;
    private final Clock clock;
    private final Templates templates = new Templates(Locale.KOREAN);

    NotificationService(NotificationStore store, ContactDirectory contacts, EmailSender email, ObjectProvider<SmsSender> sms,
                        NotificationProperties properties, LearningProperties learning, JsonMapper json, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.email = email;
        this.sms = sms;
        this.properties = properties;
        this.learning = learning;
        this.json = json;
        this.clock = clock;
    }

    /** Delivers on every channel the recipient has; emits how many sends were made (not counting duplicates). */
    public Mono<Integer> deliver(Notification notification) {
        Message message = templates.render(notification.template(), notification.params());
        return contacts.of(notification.accountId()).flatMap(contact -> {
            List<Mono<Boolean>> sends = new ArrayList<>();
            sends.add(send(notification, Channel.EMAIL, contact.email(), address -> email.send(address, message)));
            SmsSender smsSender = sms.getIfAvailable();
            if (smsSender != null) {
                sends.add(send(notification, Channel.SMS, contact.phone(), phone -> smsSender.send(phone, message.sms())));
            }
            return Flux.concat(sends).filter(Boolean::booleanValue).count().map(Long::intValue);
        });
    }

    private Mono<Boolean> send(Notification n, Channel channel, @Nullable String address,
                               java.util.function.Function<String, Mono<Integer>> transport) {
        return store.claim(n.triggerKey(), n.accountId(), channel, n.template().name(), address == null ? null : mask(address), clock.instant())
                .flatMap(id -> {
                    if (address == null) {
                        return store.finish(id, "SKIPPED", 0, "no " + channel.name().toLowerCase(Locale.ROOT) + " address", clock.instant())
                                .thenReturn(false);
                    }
                    return transport.apply(address)
                            .flatMap(attempts -> store.finish(id, "SENT", attempts, null, clock.instant()).thenReturn(true))
                            .onErrorResume(error -> {
                                int attempts = error instanceof DeliveryFailed f ? f.attempts() : 1;
                                log.warn("{} {} to account {} failed after {} attempts: {}", channel, n.template(), n.accountId(),
                                        attempts, error.getMessage());
                                return store.finish(id, "FAILED", attempts, String.valueOf(error.getMessage()), clock.instant())
                                        .thenReturn(false);
                            });
                });
    }

    /**
     * One pass of the trigger poller: the outbox rows of the trigger types created since the cursor (less an
     * overlap for rows committed late), one notification per event (the copies for several queues share their
     * data), then the cursor moves on. Emits the sends made.
     */
    public Mono<Integer> pollOutbox() {
        return store.outboxReadTo().flatMap(cursor -> store
                .outboxTriggers(cursor.minus(properties.pollOverlap()), properties.triggers().keySet(), POLL_LIMIT)
                .collectList()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Mono.just(0);
                    }
                    Map<String, OutboxTrigger> events = new LinkedHashMap<>();
                    rows.forEach(row -> events.putIfAbsent(triggerKey(row), row));
                    Instant last = rows.getLast().createdAt();
                    return Flux.fromIterable(events.entrySet())
                            .concatMap(e -> notification(e.getKey(), e.getValue())
                                    .flatMap(this::deliver)
                                    .onErrorResume(error -> {
                                        log.warn("notification trigger {} skipped: {}", e.getKey(), error.toString());
                                        return Mono.just(0);
                                    }))
                            .reduce(0, Integer::sum)
                            .flatMap(sent -> store.advanceOutbox(last).thenReturn(sent));
                }));
    }

    /**
     * The deadline sweep: ACTIVE enrollments whose study period ends within {@code deadline-days} and whose progress
     * is below {@code deadline-progress-below} %; once per enrollment and end date.
     */
    public Mono<Integer> sweepDeadlines() {
        LocalDate today = LocalDate.now(clock.withZone(learning.zone()));
        return store.endingSoon(today, today.plusDays(properties.deadlineDays()), properties.deadlineProgressBelow())
                .concatMap(facts -> {
                    Map<String, String> params = params(facts);
                    params.put("daysLeft", Long.toString(ChronoUnit.DAYS.between(today, facts.studyTo())));
                    return deliver(new Notification("DeadlineApproaching:" + facts.enrollmentId() + ":" + facts.studyTo(),
                            facts.accountId(), NotificationTemplate.DEADLINE_APPROACHING, params));
                })
                .reduce(0, Integer::sum);
    }

    /** type:subject:hash of the data — the same for every queue's copy and every redelivery of one event. */
    private static String triggerKey(OutboxTrigger row) {
        String shortType = row.type().replaceFirst("^io\\.baeum\\.learning\\.", "");
        return shortType + ":" + row.subject() + ":" + sha256(row.dataJson()).substring(0, 16);
    }

    /**
     * The notification of an event: its recipient is {@code data.accountId}, or the account of {@code data.enrollmentId};
     * the template's parameters come from the enrollment and from the event's own text fields (e.g. {@code certificateNumber}).
     */
    private Mono<Notification> notification(String key, OutboxTrigger row) {
        NotificationTemplate template = properties.triggers().get(row.type());
        JsonNode data = json.readTree(row.dataJson());
        Map<String, String> fromEvent = new HashMap<>();
        data.properties().forEach(field -> {
            if (field.getValue().isString() || field.getValue().isNumber()) {
                fromEvent.put(field.getKey(), field.getValue().asString());
            }
        });
        String enrollment = fromEvent.get("enrollmentId");
        Mono<Map<String, String>> params = enrollment == null ? Mono.just(new HashMap<>())
                : parseUuid(enrollment).map(id -> store.facts(id).map(this::params)).orElse(Mono.just(new HashMap<>()));
        return params.defaultIfEmpty(new HashMap<>()).flatMap(p -> {
            fromEvent.forEach(p::putIfAbsent);
            if (!p.containsKey("certificateNumber")) {
                for (String alias : List.of("issueNumber", "number", "certificateNo")) {
                    if (p.containsKey(alias)) {
                        p.put("certificateNumber", p.get(alias));
                        break;
                    }
                }
            }
            String account = p.get("accountId");
            if (account == null || account.isBlank()) {
                return Mono.error(new IllegalArgumentException("no accountId or known enrollmentId in " + row.type()));
            }
            return Mono.just(new Notification(key, account, template, p));
        });
    }

    private Map<String, String> params(EnrollmentFacts f) {
        Map<String, String> p = new HashMap<>();
        p.put("accountId", f.accountId());
        p.put("courseTitle", f.courseTitle());
        p.put("cohortName", f.cohortName());
        p.put("studyFrom", f.studyFrom().toString());
        p.put("studyTo", f.studyTo().toString());
        p.put("progress", f.progressPercent().setScale(0, RoundingMode.DOWN).toPlainString());
        return p;
    }

    private static java.util.Optional<UUID> parseUuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The log keeps a masked address ({@code ho***@example.com}, {@code ******5678}): enough to tell, not to copy. */
    static String mask(String address) {
        int at = address.indexOf('@');
        if (at > 0) {
            return address.substring(0, Math.min(2, at)) + "***" + address.substring(at);
        }
        return address.length() <= 4 ? "****" : "*".repeat(address.length() - 4) + address.substring(address.length() - 4);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
