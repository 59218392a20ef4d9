-- Retrieval latency (docs/benchmarks.md, rag-service): two changes measured over 100,000 chunks.
--
-- 1. Vectors move to a narrow table of their own, in half precision. In chunk, a 512-dimension vector
--    (2 KB) pushed every row over the TOAST threshold, so each vector lived out of line and an exact
--    search inside one course (where the planner rightly prefers the scope index to HNSW) fetched 1,600
--    TOAST values; here a row is ~1.1 KB, stored inline, and the HNSW index is 40 % smaller (it now fits in
--    shared buffers). Half precision changes cosine scores in the fourth decimal, not the ranking that matters.
CREATE TABLE chunk_embedding (
    chunk_id   bigint        PRIMARY KEY REFERENCES chunk (id) ON DELETE CASCADE,
    channel    text          NOT NULL,
    course_id  text,
    model      text          NOT NULL,
    embedding  halfvec(512)  NOT NULL
);
INSERT INTO chunk_embedding (chunk_id, channel, course_id, model, embedding)
SELECT id, channel, course_id, embedding_model, CAST(embedding AS halfvec(512)) FROM chunk WHERE embedding IS NOT NULL;
CREATE INDEX chunk_embedding_scope_idx ON chunk_embedding (channel, course_id);
CREATE INDEX chunk_embedding_hnsw_idx ON chunk_embedding USING hnsw (embedding halfvec_cosine_ops);
DROP INDEX chunk_embedding_idx;
ALTER TABLE chunk DROP COLUMN embedding, DROP COLUMN embedding_model;

-- 2. Typos are matched against the vocabulary, not against every passage. pg_trgm's word similarity of
--    the question against each candidate passage's terms cost most of a lexical search (it recomputes the
--    passage's trigrams per row, for thousands of rows when a question holds common morphemes). Instead a
--    question morpheme that is not in the vocabulary is expanded to the closest known morphemes, and the
--    passages are ranked by the tsvector alone. Similarity is taken over jamo (NFD splits a Hangul syllable
--    into its letters): '번흐' and '번호' share one syllable trigram of five (0.2) but half their jamo
--    trigrams (0.5), so a one-letter typo in a two-syllable word is still found. The vocabulary is kept
--    per scope (channel, course; '' for the support channel) and the expansion is filtered by the asker's
--    scope like everything else, so no expansion, score or timing depends on another course's words (R1).
CREATE TABLE lexicon (
    channel   text NOT NULL,
    course_id text NOT NULL,
    term      text NOT NULL,
    jamo      text NOT NULL GENERATED ALWAYS AS (normalize(term, NFD)) STORED,
    PRIMARY KEY (channel, course_id, term)
);
INSERT INTO lexicon (channel, course_id, term)
SELECT DISTINCT channel, coalesce(course_id, ''), unnest(tsvector_to_array(lexemes)) FROM chunk ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING;
CREATE INDEX lexicon_jamo_trgm_idx ON lexicon USING gin (jamo gin_trgm_ops);
DROP INDEX chunk_terms_trgm_idx;
