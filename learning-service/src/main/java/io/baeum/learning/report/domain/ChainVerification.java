package io.baeum.learning.report.domain;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baeum.learning.progress.domain.EvidenceChain;

/**
 * The verdict on an enrollment's evidence chain: every row's hash recomputed with progress's
 * {@link EvidenceChain} (the same canonical text and SHA-256 the consumer wrote), each row linked to the one
 * before, the sequence without gaps, and the chain's head (last seq and hash) matching the last row.
 *
 * @param valid          the whole chain holds
 * @param rows           rows read
 * @param firstBrokenSeq the first seq where it does not hold; null when valid
 * @param problem        what broke there; null when valid
 */
public record ChainVerification(boolean valid, long rows, @Nullable Long firstBrokenSeq, @Nullable Problem problem) {

    public enum Problem {
        /** the row's hash is not SHA-256(previous hash || canonical text): the row was edited */
        HASH_MISMATCH,
        /** the row's previous hash is not the hash of the row before: a row was replaced or reordered */
        LINK_MISMATCH,
        /** a seq is missing: a row was removed */
        MISSING_ROW,
        /** the head records more rows, or another last hash, than the table holds: rows were removed at the end */
        HEAD_MISMATCH
    }

    /** The chain's head as stored (progress_evidence_head): last seq and its hash. */
    public record Head(long seq, byte[] hash) {
        public Head {
            hash = hash.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }
    }

    /**
     * @param rows the enrollment's rows in seq order
     * @param head its head; null when nothing was ever chained
     */
    public static ChainVerification verify(List<StoredEvidence> rows, @Nullable Head head) {
        byte[] previous = EvidenceChain.GENESIS;
        long expected = 1;
        for (StoredEvidence row : rows) {
            if (row.seq() != expected) {
                return broken(rows.size(), expected, Problem.MISSING_ROW);
            }
            if (!Arrays.equals(row.prevHash(), previous)) {
                return broken(rows.size(), row.seq(), Problem.LINK_MISMATCH);
            }
            byte[] computed = EvidenceChain.next(previous, EvidenceChain.canonical(row.seq(), row.item()));
            if (!Arrays.equals(computed, row.hash())) {
                return broken(rows.size(), row.seq(), Problem.HASH_MISMATCH);
            }
            previous = computed;
            expected++;
        }
        long last = expected - 1;
        if (head == null) {
            return rows.isEmpty() ? new ChainVerification(true, 0, null, null) : broken(rows.size(), 1, Problem.HEAD_MISMATCH);
        }
        if (head.seq() != last) {
            // more rows than the head knows: appended behind the consumer's back; fewer: removed at the end
            return broken(rows.size(), Math.min(head.seq(), last) + 1, Problem.HEAD_MISMATCH);
        }
        if (last > 0 && !Arrays.equals(head.hash(), previous)) {
            return broken(rows.size(), last, Problem.HEAD_MISMATCH);
        }
        return new ChainVerification(true, rows.size(), null, null);
    }

    private static ChainVerification broken(long rows, long seq, Problem problem) {
        return new ChainVerification(false, rows, seq, problem);
    }
}
