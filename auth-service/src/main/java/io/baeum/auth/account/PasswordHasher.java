package io.baeum.auth.account;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * argon2id hashing (A6) off the event loop, on a small dedicated pool so that a burst of sign-ins
 * cannot claim more than {@code concurrency × memory} of heap. Verifying against an account that
 * does not exist costs the same as against one that does: a dummy hash is checked instead.
 */
@Component
public class PasswordHasher implements DisposableBean {

    private final Argon2PasswordEncoder encoder;
    private final Scheduler scheduler;
    private final String dummyHash;

    PasswordHasher(PasswordProperties properties) {
        // salt 16 bytes, hash 32 bytes, parallelism 1
        this.encoder = new Argon2PasswordEncoder(16, 32, 1, properties.memoryKib(), properties.iterations());
        this.scheduler = Schedulers.newBoundedElastic(properties.concurrency(), 10_000, "argon2");
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(random));
    }

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(scheduler);
    }

    /** Whether {@code password} matches {@code hash}; with no hash, does the same work and answers false. */
    public Mono<Boolean> matches(String password, @Nullable String hash) {
        return Mono.fromCallable(() -> {
            boolean matches = encoder.matches(password, hash == null ? dummyHash : hash);
            return hash != null && matches;
        }).subscribeOn(scheduler);
    }

    /** Whether a stored hash was made with weaker parameters than the current ones. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
