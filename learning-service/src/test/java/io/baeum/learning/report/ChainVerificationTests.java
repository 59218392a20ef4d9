package io.baeum.learning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.baeum.learning.progress.domain.BatchPlan;
import io.baeum.learning.progress.domain.EvidenceChain;
import io.baeum.learning.report.domain.ChainVerification;
import io.baeum.learning.report.domain.ChainVerification.Problem;
import io.baeum.learning.report.domain.StoredEvidence;

/** The verdict on a chain built with progress's own hashing, and on each way of breaking it. */
class ChainVerificationTests {

    final UUID enrollment = UUID.randomUUID();
    final UUID lesson = UUID.randomUUID();

    List<StoredEvidence> chain(int length) {
        List<StoredEvidence> rows = new ArrayList<>();
        byte[] previous = EvidenceChain.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            StoredEvidence row = row(seq, Map.of("reason", "HIDDEN", "position", seq * 10), previous, new byte[32]);
            byte[] hash = EvidenceChain.next(previous, EvidenceChain.canonical(seq, row.item()));
            rows.add(row(seq, row.detail(), previous, hash));
            previous = hash;
        }
        return rows;
    }

    StoredEvidence row(long seq, Map<String, Object> detail, byte[] prev, byte[] hash) {
        BatchPlan.EvidenceItem item = new BatchPlan.EvidenceItem(enrollment, new UUID(0, seq), lesson, "acc-1", "pbs-1", "CREDIT_REFUSED",
                1_790_000_000_000L + seq, detail);
        return new StoredEvidence(item.enrollmentId(), seq, item.eventId(), item.lessonId(), item.accountId(), item.sessionId(), item.kind(),
                item.occurredAtMs(), detail, prev, hash);
    }

    static ChainVerification.Head head(List<StoredEvidence> rows) {
        StoredEvidence last = rows.getLast();
        return new ChainVerification.Head(last.seq(), last.hash());
    }

    @Test
    void anUntouchedChainIsValidAndAnEmptyOneToo() {
        List<StoredEvidence> rows = chain(4);
        assertThat(ChainVerification.verify(rows, head(rows))).isEqualTo(new ChainVerification(true, 4, null, null));
        assertThat(ChainVerification.verify(List.of(), null)).isEqualTo(new ChainVerification(true, 0, null, null));
    }

    @Test
    void anEditedRowIsTheFirstBrokenSeq() {
        List<StoredEvidence> rows = new ArrayList<>(chain(4));
        StoredEvidence second = rows.get(1);
        rows.set(1, row(2, Map.of("reason", "SEEK_AHEAD", "position", 20), second.prevHash(), second.hash()));
        assertThat(ChainVerification.verify(rows, head(rows))).isEqualTo(new ChainVerification(false, 4, 2L, Problem.HASH_MISMATCH));
    }

    @Test
    void aRemovedRowAReplacedLinkAndRemovedOrForgedTailsAreFound() {
        List<StoredEvidence> rows = chain(4);
        ChainVerification.Head head = head(rows);

        List<StoredEvidence> gap = new ArrayList<>(rows);
        gap.remove(1);
        assertThat(ChainVerification.verify(gap, head)).isEqualTo(new ChainVerification(false, 3, 2L, Problem.MISSING_ROW));

        List<StoredEvidence> relinked = new ArrayList<>(rows);
        StoredEvidence third = rows.get(2);
        relinked.set(2, row(3, third.detail(), new byte[32], third.hash()));
        assertThat(ChainVerification.verify(relinked, head)).isEqualTo(new ChainVerification(false, 4, 3L, Problem.LINK_MISMATCH));

        assertThat(ChainVerification.verify(rows.subList(0, 3), head)).isEqualTo(new ChainVerification(false, 3, 4L, Problem.HEAD_MISMATCH));

        List<StoredEvidence> forged = new ArrayList<>(chain(5));   // a fifth row, correctly chained, behind the head's back
        assertThat(ChainVerification.verify(forged, head)).isEqualTo(new ChainVerification(false, 5, 5L, Problem.HEAD_MISMATCH));
    }
}
