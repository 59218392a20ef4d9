package io.baeum.learning.progress.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The set of media seconds watched, as a bitmap (bit {@code i} = second {@code i}). Stored in
 * PostgreSQL as {@code bit varying}, whose text form ({@code 0}/{@code 1} characters) is what
 * {@link #toBitString()} and {@link #fromBitString} read and write. Union is commutative and
 * idempotent: the basis of the consumer's order- and duplicate-insensitivity.
 */
public final class WatchedSeconds {

    /** Longest video accepted (24 h); beyond it seconds are ignored so a bitmap stays small (≤ 10.8 KB). */
    public static final int MAX_SECONDS = 86_400;

    private final BitSet bits;

    private WatchedSeconds(BitSet bits) {
        this.bits = bits;
    }

    public static WatchedSeconds none() {
        return new WatchedSeconds(new BitSet());
    }

    public static WatchedSeconds fromBitString(String text) {
        BitSet bits = new BitSet(text.length());
        for (int i = 0; i < text.length() && i < MAX_SECONDS; i++) {
            if (text.charAt(i) == '1') {
                bits.set(i);
            }
        }
        return new WatchedSeconds(bits);
    }

    /** Adds {@code [from, to)}. */
    public WatchedSeconds with(int fromSecond, int toSecond) {
        BitSet copy = (BitSet) bits.clone();
        int to = Math.min(toSecond, MAX_SECONDS);
        if (fromSecond < to) {
            copy.set(Math.max(0, fromSecond), to);
        }
        return new WatchedSeconds(copy);
    }

    public WatchedSeconds union(WatchedSeconds other) {
        BitSet copy = (BitSet) bits.clone();
        copy.or(other.bits);
        return new WatchedSeconds(copy);
    }

    /** Seconds watched within {@code [0, durationSeconds)}. */
    public int countWithin(int durationSeconds) {
        return bits.get(0, Math.max(0, durationSeconds)).cardinality();
    }

    public int count() {
        return bits.cardinality();
    }

    /** One past the last watched second, 0 when nothing was watched. */
    public int furthest() {
        return bits.length();
    }

    /** The watched seconds as ascending half-open ranges {@code [from, to)}. */
    public List<int[]> ranges() {
        List<int[]> ranges = new ArrayList<>();
        int from = bits.nextSetBit(0);
        while (from >= 0) {
            int to = bits.nextClearBit(from);
            ranges.add(new int[] {from, to});
            from = bits.nextSetBit(to);
        }
        return ranges;
    }

    public String toBitString() {
        StringBuilder text = new StringBuilder(bits.length());
        for (int i = 0; i < bits.length(); i++) {
            text.append(bits.get(i) ? '1' : '0');
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WatchedSeconds that && bits.equals(that.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return "WatchedSeconds" + ranges().stream().map(r -> "[" + r[0] + "," + r[1] + ")").toList();
    }
}
