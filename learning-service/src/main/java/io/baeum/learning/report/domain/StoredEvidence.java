package io.baeum.learning.report.domain;

import java.util.Map;
import java.util.UUID;

import io.baeum.learning.progress.domain.BatchPlan;

/**
 * A progress_evidence row as stored: the chained fields, its detail read back from JSON, both hashes.
 */
public record StoredEvidence(UUID enrollmentId, long seq, UUID eventId, UUID lessonId, String accountId, String sessionId,
                             String kind, long occurredAtMs, Map<String, Object> detail, byte[] prevHash, byte[] hash) {

    public StoredEvidence {
        detail = Map.copyOf(detail);
        prevHash = prevHash.clone();
        hash = hash.clone();
    }

    /** The row as the progress consumer chained it: its canonical text is progress's, not a copy. */
    public BatchPlan.EvidenceItem item() {
        return new BatchPlan.EvidenceItem(enrollmentId, eventId, lessonId, accountId, sessionId, kind, occurredAtMs, detail);
    }

    @Override
    public byte[] prevHash() {
        return prevHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
