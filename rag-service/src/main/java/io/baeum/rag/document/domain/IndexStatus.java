package io.baeum.rag.document.domain;

/** Where a document is in the sweeper's cycle. */
public enum IndexStatus {
    /** New or changed: waiting for the sweeper. */
    PENDING,
    /** Claimed by a sweeper instance (until its lease expires). */
    INDEXING,
    /** Its chunks match its body. */
    INDEXED,
    /** The last attempt failed (the reason is kept); a re-index request retries. */
    FAILED
}
