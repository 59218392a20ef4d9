package io.baeum.exam.bank.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored question: one version of an item family. Attempts point at a version, so a version an
 * attempt showed never changes: {@link #revise} then makes the next version instead.
 */
public record Item(UUID id, UUID familyId, int version, boolean current, ItemDraft content, String createdBy, Instant createdAt) {

    public static Item create(UUID id, ItemDraft content, String author, Instant now) {
        return new Item(id, id, 1, true, content, author, now);
    }

    /** What an edit does: change this version in place, or (once attempts used it) add a new version. */
    public record Revision(Item item, boolean newVersion) {
    }

    public Revision revise(ItemDraft changed, boolean usedByAttempts, UUID newId, String author, Instant now) {
        if (!current) {
            throw io.baeum.common.error.DomainException.conflict("ITEM_NOT_CURRENT", "only the current version of an item can be edited");
        }
        if (usedByAttempts) {
            return new Revision(new Item(newId, familyId, version + 1, true, changed, author, now), true);
        }
        return new Revision(new Item(id, familyId, version, true, changed, createdBy, createdAt), false);
    }
}
