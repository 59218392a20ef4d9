package io.baeum.heartbeat.playback.state;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.baeum.contract.progress.ProgressEvent;
import io.baeum.common.security.SessionRevocationCheck;
import io.baeum.heartbeat.config.HeartbeatProperties;
import io.baeum.heartbeat.config.RedisConnection;
import io.baeum.heartbeat.config.RedisConnection.Script;
import io.baeum.heartbeat.emission.BacklogEncoding;
import io.baeum.heartbeat.playback.domain.PlaybackSession;
import io.baeum.heartbeat.playback.state.SessionStateCodec.Terms;

/**
 * Sessions in Redis (layout in {@code docs/heartbeat.md}): fixed terms and compact progress
 * ({@link SessionStateCodec}). Each change is one Lua script: a
 * compare-and-set on the session's version together with the events it emits, appended to the backlog
 * stream, so a beat's read-judge-write is atomic per session on any instance and a credit is never
 * stored without its event (or the reverse).
 */
@Component
class RedisSessionStore implements SessionStore {

    /** Grants live 5 minutes; remember used ones a little longer than they can be presented. */
    private static final Duration GRANT_MEMORY = Duration.ofMinutes(10);
    private static final Duration ACTIVE_TTL = Duration.ofHours(24);
    private static final Duration DAY_TTL = Duration.ofHours(48);

    /**
     * KEYS: session, the token's deny-list entry; ARGV: prefix, today, whether to check the deny-list, whether
     * the terms are wanted (not cached here). Answers {'REVOKED'}, {} (no such session) or {'OK', version,
     * progress, active session, today's lessons[, terms]}.
     */
    private static final Script LOAD = Script.of("""
            if ARGV[3] == '1' and redis.call('EXISTS', KEYS[2]) == 1 then return {'REVOKED'} end
            local v
            if ARGV[4] == '1' then v = redis.call('HMGET', KEYS[1], 'a', 'v', 'p', 't')
            else v = redis.call('HMGET', KEYS[1], 'a', 'v', 'p') end
            if not v[3] then return {} end
            local active = redis.call('GET', ARGV[1] .. 'active:' .. v[1]) or ''
            local lessons = redis.call('SMEMBERS', ARGV[1] .. 'day:' .. v[1] .. ':' .. ARGV[2])
            if ARGV[4] == '1' then return {'OK', v[2], v[3], active, lessons, v[4] or ''} end
            return {'OK', v[2], v[3], active, lessons}
            """);

    private static final Script START = Script.of("""
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[6]) then return {'USED', ''} end
            local previous = redis.call('GET', KEYS[2]) or ''
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[7])
            redis.call('HSET', KEYS[3], 'v', ARGV[2], 'a', ARGV[3], 't', ARGV[4], 'p', ARGV[8])
            redis.call('PEXPIRE', KEYS[3], ARGV[5])
            for i = 9, #ARGV do redis.call('XADD', KEYS[4], '*', 'e', ARGV[i]) end
            return {'OK', previous}
            """);

    private static final Script COMMIT = Script.of("""
            if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return {0} end
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 'p', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            if ARGV[5] == '1' then
              redis.call('SADD', KEYS[3], ARGV[6])
              redis.call('PEXPIRE', KEYS[3], ARGV[7])
            end
            for i = 8, #ARGV do redis.call('XADD', KEYS[2], '*', 'e', ARGV[i]) end
            return {1}
            """);

    /** Sessions whose terms this instance holds; a beat on any other session brings its terms along. */
    private static final int CACHED_TERMS = 20_000;

    private final RedisConnection redis;
    private final SessionStateCodec codec;
    private final String prefix;
    private final Duration sessionTtl;
    private final Cache<String, Terms> terms;

    RedisSessionStore(RedisConnection redis, JsonMapper json, HeartbeatProperties properties) {
        this.redis = redis;
        this.codec = new SessionStateCodec(json);
        this.prefix = properties.state().keyPrefix();
        this.sessionTtl = properties.state().sessionIdleTtl();
        // terms never change once a session is open, so a cached copy is never stale
        this.terms = Caffeine.newBuilder().maximumSize(CACHED_TERMS).expireAfterAccess(sessionTtl)
                .executor(Runnable::run).build();
    }

    String sessionKey(String sessionId) {
        return prefix + "session:" + sessionId;
    }

    /** The backlog stream of unsent progress events. */
    public String backlogKey() {
        return prefix + "events";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<Loaded> load(String sessionId, LocalDate today, @Nullable String revocableLoginSession) {
        Terms known = terms.getIfPresent(sessionId);
        String denyKey = revocableLoginSession == null ? sessionKey(sessionId)
                : SessionRevocationCheck.DENY_LIST_KEY_PREFIX + revocableLoginSession;
        return redis.eval(LOAD, new String[] {sessionKey(sessionId), denyKey}, prefix, today.toString(),
                        revocableLoginSession == null ? "0" : "1", known == null ? "1" : "0")
                .filter(result -> !result.isEmpty())
                // map, not handle: with context-propagation on the classpath, every handle() restores the
                // subscriber context's ThreadLocals (walking the whole operator chain for it), ~6 % of a beat
                .map(result -> {
                    if ("REVOKED".equals(result.getFirst())) {
                        throw new LoginSessionRevokedException();
                    }
                    Terms sessionTerms = known != null ? known : cacheTerms(sessionId, (String) result.get(5));
                    PlaybackSession session = SessionStateCodec.decode(sessionTerms, Long.parseLong((String) result.get(1)),
                            (String) result.get(2));
                    return new Loaded(session, blankToNull((String) result.get(3)), (List<String>) result.get(4));
                });
    }

    private Terms cacheTerms(String sessionId, String text) {
        Terms decoded = codec.decodeTerms(text);
        terms.put(sessionId, decoded);
        return decoded;
    }

    @Override
    public Mono<Started> start(PlaybackSession session, List<ProgressEvent> events) {
        Terms sessionTerms = Terms.of(session);
        List<String> args = new ArrayList<>(List.of(session.id(), Long.toString(session.version()), session.accountId(),
                codec.encodeTerms(sessionTerms), Long.toString(sessionTtl.toMillis()),
                Long.toString(GRANT_MEMORY.toMillis()), Long.toString(ACTIVE_TTL.toMillis()),
                SessionStateCodec.encodeProgress(session)));
        events.forEach(event -> args.add(BacklogEncoding.encode(event)));
        String[] keys = {prefix + "grant:" + session.grantId(), prefix + "active:" + session.accountId(),
                sessionKey(session.id()), backlogKey()};
        return redis.eval(START, keys, args.toArray(String[]::new))
                .doOnNext(result -> {
                    if (!"USED".equals(result.get(0))) {
                        terms.put(session.id(), sessionTerms);
                    }
                })
                .map(result -> new Started("USED".equals(result.get(0)), blankToNull((String) result.get(1))));
    }

    @Override
    public Mono<Boolean> commit(long expectedVersion, PlaybackSession next, List<ProgressEvent> events,
            @Nullable LocalDate countLessonOn) {
        List<String> args = new ArrayList<>(List.of(Long.toString(expectedVersion), Long.toString(next.version()),
                SessionStateCodec.encodeProgress(next), Long.toString(sessionTtl.toMillis()), countLessonOn == null ? "0" : "1",
                next.lessonId(), Long.toString(DAY_TTL.toMillis())));
        events.forEach(event -> args.add(BacklogEncoding.encode(event)));
        String dayKey = countLessonOn == null ? sessionKey(next.id())
                : prefix + "day:" + next.accountId() + ":" + countLessonOn;
        String[] keys = {sessionKey(next.id()), backlogKey(), dayKey};
        return redis.eval(COMMIT, keys, args.toArray(String[]::new))
                .map(result -> ((Number) result.get(0)).longValue() == 1L);
    }

    private static @Nullable String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
