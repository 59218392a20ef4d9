package io.baeum.heartbeat.playback.state;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.baeum.common.progress.ProgressEvent;
import io.baeum.heartbeat.config.HeartbeatProperties;
import io.baeum.heartbeat.config.RedisConnection;
import io.baeum.heartbeat.config.RedisConnection.Script;
import io.baeum.heartbeat.emission.BacklogEncoding;
import io.baeum.heartbeat.playback.domain.PlaybackSession;

/**
 * Sessions in Redis (layout in {@code docs/heartbeat.md}). Each change is one Lua script: a
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

    private static final Script LOAD = Script.of("""
            local v = redis.call('HMGET', KEYS[1], 'a', 's')
            if not v[2] then return {} end
            local active = redis.call('GET', ARGV[1] .. 'active:' .. v[1]) or ''
            local lessons = redis.call('SMEMBERS', ARGV[1] .. 'day:' .. v[1] .. ':' .. ARGV[2])
            return {v[2], active, lessons}
            """);

    private static final Script START = Script.of("""
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[6]) then return {'USED', ''} end
            local previous = redis.call('GET', KEYS[2]) or ''
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[7])
            redis.call('HSET', KEYS[3], 'v', ARGV[2], 'a', ARGV[3], 's', ARGV[4])
            redis.call('PEXPIRE', KEYS[3], ARGV[5])
            for i = 8, #ARGV do redis.call('XADD', KEYS[4], '*', 'e', ARGV[i]) end
            return {'OK', previous}
            """);

    private static final Script COMMIT = Script.of("""
            if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return {0} end
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            if ARGV[5] == '1' then
              redis.call('SADD', KEYS[3], ARGV[6])
              redis.call('PEXPIRE', KEYS[3], ARGV[7])
            end
            for i = 8, #ARGV do redis.call('XADD', KEYS[2], '*', 'e', ARGV[i]) end
            return {1}
            """);

    private final RedisConnection redis;
    private final JsonMapper json;
    private final String prefix;
    private final Duration sessionTtl;

    RedisSessionStore(RedisConnection redis, JsonMapper json, HeartbeatProperties properties) {
        this.redis = redis;
        this.json = json;
        this.prefix = properties.state().keyPrefix();
        this.sessionTtl = properties.state().sessionIdleTtl();
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
    public Mono<Loaded> load(String sessionId, LocalDate today) {
        return redis.eval(LOAD, new String[] {sessionKey(sessionId)}, prefix, today.toString())
                .filter(result -> !result.isEmpty())
                .map(result -> new Loaded(json.readValue((String) result.get(0), PlaybackSession.class),
                        blankToNull((String) result.get(1)), (List<String>) result.get(2)));
    }

    @Override
    public Mono<Started> start(PlaybackSession session, List<ProgressEvent> events) {
        List<String> args = new ArrayList<>(List.of(session.id(), Long.toString(session.version()), session.accountId(),
                json.writeValueAsString(session), Long.toString(sessionTtl.toMillis()),
                Long.toString(GRANT_MEMORY.toMillis()), Long.toString(ACTIVE_TTL.toMillis())));
        events.forEach(event -> args.add(BacklogEncoding.encode(event)));
        String[] keys = {prefix + "grant:" + session.grantId(), prefix + "active:" + session.accountId(),
                sessionKey(session.id()), backlogKey()};
        return redis.eval(START, keys, args.toArray(String[]::new))
                .map(result -> new Started("USED".equals(result.get(0)), blankToNull((String) result.get(1))));
    }

    @Override
    public Mono<Boolean> commit(long expectedVersion, PlaybackSession next, List<ProgressEvent> events,
            @Nullable LocalDate countLessonOn) {
        List<String> args = new ArrayList<>(List.of(Long.toString(expectedVersion), Long.toString(next.version()),
                json.writeValueAsString(next), Long.toString(sessionTtl.toMillis()), countLessonOn == null ? "0" : "1",
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
