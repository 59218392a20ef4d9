package io.baeum.learning.proxystudy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.proxystudy.domain.Cidr;
import io.baeum.learning.proxystudy.domain.FlagKind;
import io.baeum.learning.proxystudy.domain.ProxyStudyDetector;
import io.baeum.learning.proxystudy.persistence.ProxyStudyStore;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;

/**
 * Proxy-study flags. Detection is a periodic sweep over the session evidence recorded since the last sweep (plus
 * a window's overlap), not part of the progress consumer, which stays as fast as it was. A flag is recorded once
 * per pattern (its dedupe key), so overlapping sweeps and several instances change nothing.
 */
@Service
public class ProxyStudyService {

    private static final Logger log = LoggerFactory.getLogger(ProxyStudyService.class);

    private final ProxyStudyStore store;
    private final ProxyStudyProperties properties;
    private final List<Cidr> configuredNetworks;
    private final LearningProperties learning;
    private final Clock clock;

    ProxyStudyService(ProxyStudyStore store, ProxyStudyProperties properties, LearningProperties learning, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.configuredNetworks = properties.allowedNetworks().stream().map(Cidr::parse).toList();
        this.learning = learning;
        this.clock = clock;
    }

    /** One sweep; emits how many new flags it raised. */
    public Mono<Integer> sweep() {
        Instant now = clock.instant();
        return store.sweptTo().flatMap(cursor -> {
            Instant overlap = cursor.minus(properties.window().multipliedBy(2));
            Instant oldest = now.minus(properties.maxLookback());
            Instant from = overlap.isAfter(oldest) ? overlap : oldest;
            return Mono.zip(store.allowedCidrs().collectList(), store.sightings(from, now).collectList())
                    .flatMapMany(t -> {
                        List<Cidr> allowed = new ArrayList<>(configuredNetworks);
                        allowed.addAll(t.getT1());
                        return Flux.fromIterable(new ProxyStudyDetector(properties.window(), allowed, learning.zone()).detect(t.getT2()));
                    })
                    .concatMap(store::insertFlag)
                    .filter(Boolean::booleanValue)
                    .count()
                    .flatMap(raised -> store.advance(now).thenReturn(raised.intValue()))
                    .doOnNext(raised -> {
                        if (raised > 0) {
                            log.info("proxy-study sweep raised {} flags", raised);
                        }
                    });
        });
    }

    public Mono<Page<ProxyStudyStore.Flag>> flags(@Nullable String status, @Nullable FlagKind kind, PageRequest page) {
        if (status != null && !status.equals("OPEN") && !status.equals("RESOLVED")) {
            return Mono.error(DomainException.invalid("INVALID_FLAG_STATUS", "status is OPEN or RESOLVED"));
        }
        return store.flags(status, kind, page);
    }

    public Mono<ProxyStudyStore.Flag> flag(UUID id) {
        return store.flag(id).switchIfEmpty(Mono.error(() -> DomainException.notFound("FLAG_NOT_FOUND", "no flag " + id)));
    }

    /** An admin's review: {@code CONFIRMED} (it was proxy study) or {@code DISMISSED}, with a note. */
    public Mono<ProxyStudyStore.Flag> resolve(UUID id, String adminId, String resolution, String note) {
        return flag(id).flatMap(found -> store.resolve(id, adminId, resolution, note, clock.instant()))
                .flatMap(done -> done ? flag(id)
                        : Mono.error(DomainException.conflict("FLAG_ALREADY_RESOLVED", "the flag was already resolved")));
    }

    public Flux<ProxyStudyStore.AllowedNetwork> allowedNetworks() {
        return store.allowedNetworks();
    }

    /** The networks from configuration (read-only here). */
    public List<String> configuredNetworks() {
        return configuredNetworks.stream().map(Cidr::toString).toList();
    }

    public Mono<UUID> allowNetwork(String cidr, String label, String adminId) {
        UUID id = UUID.randomUUID();
        return Mono.fromSupplier(() -> Cidr.parse(cidr)).flatMap(parsed -> store.addAllowedNetwork(id, parsed, label, adminId))
                .thenReturn(id);
    }

    public Mono<Void> removeNetwork(UUID id) {
        return store.removeAllowedNetwork(id).flatMap(done -> done ? Mono.<Void>empty()
                : Mono.error(DomainException.notFound("NETWORK_NOT_FOUND", "no allowed network " + id)));
    }

    public Mono<Void> recordEmployer(UUID enrollmentId, String employer, String adminId) {
        return store.recordEmployer(enrollmentId, employer, adminId).flatMap(done -> done ? Mono.<Void>empty()
                : Mono.error(DomainException.notFound("ENROLLMENT_NOT_FOUND", "no enrollment " + enrollmentId)));
    }
}
