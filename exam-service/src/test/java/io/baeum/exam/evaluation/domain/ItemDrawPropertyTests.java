package io.baeum.exam.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import io.baeum.exam.bank.domain.Difficulty;

class ItemDrawPropertyTests {

    static List<UUID> pool(int size) {
        List<UUID> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            pool.add(new UUID(0, i));
        }
        return pool;
    }

    @Property
    void unseenItemsAreAlwaysTakenBeforeSeenOnesAndNoneTwice(@ForAll @IntRange(min = 1, max = 10) int count,
            @ForAll @IntRange(min = 0, max = 40) int seenCount, @ForAll long seed) {
        List<UUID> pool = pool(3 * count + 5);
        Set<UUID> seen = new HashSet<>(pool.subList(0, Math.min(seenCount, pool.size())));
        Selection selection = new Selection(List.of(), List.of(new Selection.Draw(Difficulty.MEDIUM, null, count)));
        List<UUID> drawn = ItemDraw.pick(selection, List.of(pool), seen, new Random(seed));
        assertThat(drawn).hasSize(count).doesNotHaveDuplicates().isSubsetOf(pool);
        long unseenAvailable = pool.size() - seen.size();
        long unseenDrawn = drawn.stream().filter(id -> !seen.contains(id)).count();
        assertThat(unseenDrawn).isEqualTo(Math.min(count, unseenAvailable));
    }

    @Property
    void overlappingDrawsNeverRepeatAnItem(@ForAll @IntRange(min = 1, max = 5) int count, @ForAll long seed) {
        List<UUID> pool = pool(3 * count * 2);
        Selection selection = new Selection(List.of(), List.of(new Selection.Draw(null, null, count), new Selection.Draw(null, "t", count)));
        List<UUID> drawn = ItemDraw.pick(selection, List.of(pool, pool), Set.of(), new Random(seed));
        assertThat(drawn).hasSize(2 * count).doesNotHaveDuplicates();
    }
}
