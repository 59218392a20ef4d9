/**
 * Text handling shared by ingestion, retrieval and the guardrails: Nori morphemes, chunking on headings
 * and Korean sentence endings, shingles for evaluation fingerprints, and personal-data redaction.
 * Plain Java (Lucene's analyzer is a library, not a framework).
 */
@NullMarked
package io.baeum.rag.text;

import org.jspecify.annotations.NullMarked;
