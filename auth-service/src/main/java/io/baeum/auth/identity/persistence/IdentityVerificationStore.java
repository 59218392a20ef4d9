package io.baeum.auth.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.baeum.auth.pii.BlindIndex;
import io.baeum.auth.pii.PersonalDataCipher;

/** Verification requests and their evidence (CI and phone encrypted, CI also as an HMAC). */
@Repository
public class IdentityVerificationStore {

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    IdentityVerificationStore(DatabaseClient db, PersonalDataCipher cipher, BlindIndex index) {
        this.db = db;
        this.cipher = cipher;
        this.index = index;
    }

    public Mono<Void> request(String id, UUID accountId, String provider, Instant at) {
        return db.sql("INSERT INTO identity_verification (id, account_id, provider, status, requested_at) "
                        + "VALUES (:id, :account, :provider, 'REQUESTED', :at)")
                .bind("id", id).bind("account", accountId).bind("provider", provider).bind("at", at.atOffset(ZoneOffset.UTC))
                .then();
    }

    /** The status of {@code id} if it was requested by {@code accountId}, locked for the caller's transaction. */
    public Mono<String> statusForUpdate(String id, UUID accountId) {
        return db.sql("SELECT status FROM identity_verification WHERE id = :id AND account_id = :account FOR UPDATE")
                .bind("id", id).bind("account", accountId).map(row -> row.get("status", String.class)).one();
    }

    public Mono<Void> verified(String id, String providerTxId, Instant verifiedAt, String ci, @Nullable String phone) {
        return db.sql("UPDATE identity_verification SET status = 'VERIFIED', verified_at = :at, provider_tx_id = :tx, "
                        + "ci_index = :ciIndex, ci_cipher = :ciCipher, phone_cipher = :phone WHERE id = :id")
                .bind("id", id).bind("at", verifiedAt.atOffset(ZoneOffset.UTC)).bind("tx", providerTxId)
                .bind("ciIndex", index.ci(ci))
                .bind("ciCipher", cipher.encrypt("identity_verification.ci", ci))
                .bind("phone", Parameter.fromOrEmpty(phone == null ? null
                        : cipher.encrypt("identity_verification.phone", phone), String.class))
                .then();
    }

    public Mono<Void> failed(String id, String reason) {
        return db.sql("UPDATE identity_verification SET status = 'FAILED', failure_reason = :reason WHERE id = :id")
                .bind("id", id).bind("reason", reason).then();
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
