package io.baeum.auth.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The hash chain: each row's hash is an HMAC-SHA256 (key outside the database) over the previous
 * row's hash and the row's own fields, so changing, deleting or inserting a row breaks every later
 * link, and nobody without the key can forge a consistent chain.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private final SecretKeySpec key;

    public AuditChain(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** PostgreSQL keeps microseconds: hash what will be read back. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public String hash(String prevHash, long seq, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorIp,
            String action, @Nullable UUID target, String detail) {
        String canonical = String.join("\n", prevHash, Long.toString(seq), truncate(occurredAt).toString(),
                String.valueOf(actorId), String.valueOf(actorIp), action, String.valueOf(target), detail);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public boolean verifies(AuditEvent event, String expectedPrevHash) {
        return event.prevHash().equals(expectedPrevHash) && event.hash().equals(hash(event.prevHash(), event.seq(),
                event.occurredAt(), event.actorId(), event.actorIp(), event.action(), event.targetAccountId(),
                event.detail()));
    }
}
