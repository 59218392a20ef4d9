package io.baeum.auth.token.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rotation rules, as plain arithmetic over the keys' times:
 * <ul>
 *   <li>the signing key is the most recently activated key whose activation time has come;</li>
 *   <li>a key is published from its creation until {@code grace} after its successor activated (its
 *       last tokens have expired by then);</li>
 *   <li>a successor is due once the newest key has signed for {@code rotationInterval} minus
 *       {@code publishAhead}, and then activates {@code publishAhead} after it is created.</li>
 * </ul>
 */
public record SigningKeySet(List<SigningKey> keys) {

    public SigningKeySet {
        keys = keys.stream().sorted(Comparator.comparing(SigningKey::activatesAt)).toList();
    }

    public Optional<SigningKey> signingKey(Instant now) {
        SigningKey current = null;
        for (SigningKey key : keys) {
            if (!key.activatesAt().isAfter(now)) {
                current = key;
            }
        }
        return Optional.ofNullable(current);
    }

    /** The keys verifiers must know at {@code now}. */
    public List<SigningKey> published(Instant now, Duration grace) {
        return keys.stream().filter(key -> !key.createdAt().isAfter(now))
                .filter(key -> successorOf(key)
                        .map(next -> next.activatesAt().plus(grace).isAfter(now))
                        .orElse(true))
                .toList();
    }

    /** Whether a new key should be created now. */
    public boolean rotationDue(Instant now, Duration rotationInterval, Duration publishAhead) {
        if (keys.isEmpty()) {
            return true;
        }
        SigningKey newest = keys.getLast();
        return !newest.activatesAt().plus(rotationInterval).minus(publishAhead).isAfter(now);
    }

    private Optional<SigningKey> successorOf(SigningKey key) {
        int at = keys.indexOf(key);
        return at + 1 < keys.size() ? Optional.of(keys.get(at + 1)) : Optional.empty();
    }
}
