package io.baeum.contract.progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys of the progress envelope: producers sign with {@link #current()}, consumers accept the
 * current key and every previous key, so a rotation can roll out producer by producer while messages
 * signed with the old key are still in flight or in a dead-letter queue. See {@code docs/wire-format.md}
 * for the rotation procedure.
 */
public final class ProgressKeyRing {

    private final ProgressKey current;
    private final Map<String, ProgressKey> byId;

    /**
     * @param current  the key producers sign with
     * @param previous keys consumers still accept; may be empty
     * @throws IllegalArgumentException when two keys share an id
     */
    public ProgressKeyRing(ProgressKey current, List<ProgressKey> previous) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        Map<String, ProgressKey> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        for (ProgressKey key : previous) {
            Objects.requireNonNull(key, "previous key");
            if (keys.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("key id '" + key.id() + "' appears twice in the key ring");
            }
        }
        this.current = current;
        this.byId = Collections.unmodifiableMap(keys);
    }

    /**
     * @param current  the key producers sign with
     * @param previous keys consumers still accept
     * @return the ring
     */
    public static ProgressKeyRing of(ProgressKey current, ProgressKey... previous) {
        return new ProgressKeyRing(current, List.of(previous));
    }

    /**
     * @return the key producers sign with
     */
    public ProgressKey current() {
        return current;
    }

    /**
     * @param keyId a key id read from an envelope header
     * @return the current or previous key with that id
     */
    public Optional<ProgressKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /**
     * @return every accepted key id, current first
     */
    public List<String> keyIds() {
        return List.copyOf(new ArrayList<>(byId.keySet()));
    }

    @Override
    public String toString() {
        return "ProgressKeyRing[current=" + current.id() + ", accepted=" + byId.keySet() + "]";
    }
}
