package io.baeum.heartbeat.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;

import io.baeum.common.error.DomainException;
import io.baeum.heartbeat.playback.state.StateUnavailableException;

/**
 * The one multiplexed, non-blocking Lettuce connection the hot path uses (Lua scripts, streams), to the
 * Redis Spring Boot is configured for. Connects lazily and reconnects on its own; while Redis is away,
 * commands fail fast (no queueing) and every call fails with {@link StateUnavailableException} after at
 * most the command timeout.
 */
public final class RedisConnection implements DisposableBean {

    private final RedisClient client;
    private final Duration timeout;
    private final Mono<StatefulRedisConnection<String, String>> connection;

    public RedisConnection(RedisStandaloneConfiguration target, Duration timeout) {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(target.getHostName())
                .withPort(target.getPort())
                .withDatabase(target.getDatabase())
                .withTimeout(timeout);
        target.getPassword().toOptional().ifPresent(password -> {
            if (target.getUsername() != null) {
                uri.withAuthentication(target.getUsername(), password);
            } else {
                uri.withPassword(password);
            }
        });
        RedisURI redisUri = uri.build();
        this.timeout = timeout;
        this.client = RedisClient.create(redisUri);
        this.client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .build());
        this.connection = Mono.defer(() -> Mono.fromCompletionStage(client.connectAsync(StringCodec.UTF8, redisUri)))
                .cache(ok -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Runs {@code call} on the connection, bounded by the command timeout. */
    public <T> Mono<T> call(Function<RedisReactiveCommands<String, String>, Mono<T>> call) {
        return bounded(connection.flatMap(c -> call.apply(c.reactive())));
    }

    /** Runs {@code call} on the connection, bounded by the command timeout. */
    public <T> Flux<T> many(Function<RedisReactiveCommands<String, String>, Flux<T>> call) {
        return connection.flatMapMany(c -> call.apply(c.reactive()))
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof DomainException), StateUnavailableException::new);
    }

    /** A Lua script, run by its SHA and loaded on first use. */
    public record Script(String source, String sha) {

        public static Script of(String source) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
                return new Script(source, HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs a script answering a (possibly nested) list. Through Lettuce's future API: one future per call
     * instead of the reactive API's publisher, subscription and queue (two scripts run on every beat).
     */
    public Mono<List<Object>> eval(Script script, String[] keys, String... args) {
        return bounded(connection.flatMap(c -> {
            RedisAsyncCommands<String, String> redis = c.async();
            return Mono.fromCompletionStage(redis.<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args)
                    .exceptionallyCompose(error -> unwrap(error) instanceof RedisNoScriptException
                            ? redis.<List<Object>>eval(script.source(), ScriptOutputType.MULTI, keys, args)
                            : CompletableFuture.failedStage(unwrap(error))));
        }));
    }

    /** At most the command timeout; any failure but a domain answer is {@link StateUnavailableException}. */
    private <T> Mono<T> bounded(Mono<T> call) {
        return call.timeout(timeout)
                .onErrorMap(error -> !(error instanceof DomainException), StateUnavailableException::new);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public void destroy() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
