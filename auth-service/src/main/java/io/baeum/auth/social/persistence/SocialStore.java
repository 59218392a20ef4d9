package io.baeum.auth.social.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
public class SocialStore {

    private final DatabaseClient db;

    SocialStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insertAttempt(String state, String provider, String verifier, String nonce, String redirectUri,
            Instant now, Instant expires) {
        return db.sql("INSERT INTO social_login_attempt (state, provider, code_verifier, nonce, redirect_uri, created_at, "
                        + "expires_at) VALUES (:state, :provider, :verifier, :nonce, :redirect, :now, :expires)")
                .bind("state", state).bind("provider", provider).bind("verifier", verifier).bind("nonce", nonce)
                .bind("redirect", redirectUri).bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("expires", expires.atOffset(ZoneOffset.UTC))
                .then();
    }

    /** Spends an attempt exactly once; empty when unknown, expired, used or of another provider. */
    public Mono<Attempt> consumeAttempt(String state, String provider, Instant now) {
        return db.sql("UPDATE social_login_attempt SET consumed_at = :now WHERE state = :state AND provider = :provider "
                        + "AND consumed_at IS NULL AND expires_at > :now RETURNING code_verifier, nonce, redirect_uri")
                .bind("state", state).bind("provider", provider).bind("now", now.atOffset(ZoneOffset.UTC))
                .map(row -> new Attempt(row.get("code_verifier", String.class), row.get("nonce", String.class),
                        row.get("redirect_uri", String.class)))
                .one();
    }

    public Mono<UUID> linkedAccount(String provider, String subject) {
        return db.sql("SELECT account_id FROM social_identity WHERE provider = :provider AND subject = :subject")
                .bind("provider", provider).bind("subject", subject).map(row -> row.get("account_id", UUID.class)).one();
    }

    public Mono<Void> link(String provider, String subject, UUID accountId, Instant now) {
        return db.sql("INSERT INTO social_identity (provider, subject, account_id, linked_at) "
                        + "VALUES (:provider, :subject, :account, :now) ON CONFLICT DO NOTHING")
                .bind("provider", provider).bind("subject", subject).bind("account", accountId)
                .bind("now", now.atOffset(ZoneOffset.UTC)).then();
    }

    public Mono<Void> insertTicket(byte[] hash, String provider, String subject, UUID accountId, Instant expires) {
        return db.sql("INSERT INTO social_link_ticket (ticket_hash, provider, subject, account_id, expires_at) "
                        + "VALUES (:hash, :provider, :subject, :account, :expires)")
                .bind("hash", hash).bind("provider", provider).bind("subject", subject).bind("account", accountId)
                .bind("expires", expires.atOffset(ZoneOffset.UTC)).then();
    }

    public Mono<Ticket> consumeTicket(byte[] hash, Instant now) {
        return db.sql("UPDATE social_link_ticket SET consumed_at = :now WHERE ticket_hash = :hash AND consumed_at IS NULL "
                        + "AND expires_at > :now RETURNING provider, subject, account_id")
                .bind("hash", hash).bind("now", now.atOffset(ZoneOffset.UTC))
                .map(row -> new Ticket(row.get("provider", String.class), row.get("subject", String.class),
                        row.get("account_id", UUID.class)))
                .one();
    }

    public record Attempt(String codeVerifier, String nonce, String redirectUri) {
    }

    public record Ticket(String provider, String subject, UUID accountId) {
    }
}
