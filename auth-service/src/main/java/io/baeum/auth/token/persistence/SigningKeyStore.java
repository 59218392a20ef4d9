package io.baeum.auth.token.persistence;

import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.nimbusds.jose.jwk.RSAKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.auth.pii.PersonalDataCipher;
import io.baeum.auth.token.domain.SigningKey;
import io.baeum.auth.token.domain.SigningKeySet;

/** Signing keys in PostgreSQL, private halves encrypted with the data key. */
@Repository
public class SigningKeyStore {

    private static final String FIELD = "signing_key.private";
    /** Serialises key creation across instances (pg_advisory_xact_lock). */
    private static final long ROTATION_LOCK = 0x6261_6575_6d4bL;

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;
    private final TransactionalOperator tx;

    SigningKeyStore(DatabaseClient db, PersonalDataCipher cipher, TransactionalOperator tx) {
        this.db = db;
        this.cipher = cipher;
        this.tx = tx;
    }

    public Mono<SigningKeySet> load() {
        return loadAll().collectList().map(SigningKeySet::new);
    }

    private Flux<SigningKey> loadAll() {
        return db.sql("SELECT kid, private_jwk_cipher, created_at, activates_at FROM signing_key")
                .map(row -> {
                    try {
                        RSAKey key = RSAKey.parse(cipher.decrypt(FIELD, row.get("private_jwk_cipher", String.class)));
                        return new SigningKey(row.get("kid", String.class), key,
                                row.get("created_at", OffsetDateTime.class).toInstant(),
                                row.get("activates_at", OffsetDateTime.class).toInstant());
                    }
                    catch (ParseException ex) {
                        throw new IllegalStateException("unreadable signing key", ex);
                    }
                }).all();
    }

    /**
     * Inserts {@code candidate} unless another instance already rotated: under a lock, the key set is
     * re-read and {@code stillDue} decides.
     */
    public Mono<SigningKeySet> insertIfStillDue(SigningKey candidate, java.util.function.Predicate<SigningKeySet> stillDue) {
        return db.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", ROTATION_LOCK).then()
                .then(load())
                .flatMap(keys -> !stillDue.test(keys) ? Mono.just(keys)
                        : db.sql("INSERT INTO signing_key (kid, public_jwk, private_jwk_cipher, created_at, activates_at) "
                                        + "VALUES (:kid, :pub, :priv, :created, :activates)")
                                .bind("kid", candidate.kid())
                                .bind("pub", candidate.key().toPublicJWK().toJSONString())
                                .bind("priv", cipher.encrypt(FIELD, candidate.key().toJSONString()))
                                .bind("created", candidate.createdAt().atOffset(ZoneOffset.UTC))
                                .bind("activates", candidate.activatesAt().atOffset(ZoneOffset.UTC))
                                .then()
                                .then(load()))
                .as(tx::transactional);
    }
}
