package io.baeum.exam.evaluation.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Picks an attempt's items. Fixed items come as they are; each draw takes items the trainee has not
 * seen in earlier attempts first (at random), and only when those run out items already seen. An
 * item is never drawn twice into one attempt.
 */
public final class ItemDraw {

    private ItemDraw() {
    }

    /**
     * @param pools the pool of each draw, in the order of the selection's draws
     * @param seen  items shown to this trainee in earlier attempts of this evaluation
     */
    public static List<UUID> pick(Selection selection, List<List<UUID>> pools, Set<UUID> seen, Random random) {
        if (!selection.fixed().isEmpty()) {
            return selection.fixed();
        }
        Set<UUID> chosen = new LinkedHashSet<>();
        for (int d = 0; d < selection.draws().size(); d++) {
            int count = selection.draws().get(d).count();
            List<UUID> unseen = new ArrayList<>();
            List<UUID> seenBefore = new ArrayList<>();
            for (UUID id : pools.get(d)) {
                if (!chosen.contains(id)) {
                    (seen.contains(id) ? seenBefore : unseen).add(id);
                }
            }
            Collections.shuffle(unseen, random);
            Collections.shuffle(seenBefore, random);
            unseen.addAll(seenBefore);
            if (unseen.size() < count) {
                throw io.baeum.common.error.DomainException.conflict("POOL_EXHAUSTED", "the item pool no longer holds enough items");
            }
            chosen.addAll(unseen.subList(0, count));
        }
        return List.copyOf(chosen);
    }
}
