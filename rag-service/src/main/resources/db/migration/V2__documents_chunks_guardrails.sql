-- rag-service's own tables (docs/rag.md). Extensions first: pgvector (V1) and pg_trgm (partial words,
-- typos). Both are trusted or pre-installed for the baeum role (deploy/local/install.sh).
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A source text: an FAQ entry set, a notice, a course material or a lesson description.
-- body holds the extracted text; PDF pages are separated by form feeds (\f).
-- The sweeper indexes a document while status = 'PENDING' (or its lease expired); indexed_hash is the
-- content_hash of the body that produced the current chunks, so an unchanged body is never re-embedded.
CREATE TABLE document (
    id            uuid        PRIMARY KEY,
    channel       text        NOT NULL CHECK (channel IN ('support', 'study')),
    kind          text        NOT NULL CHECK (kind IN ('FAQ', 'NOTICE', 'MATERIAL', 'LESSON', 'COURSE')),
    course_id     text,
    lesson_id     text,
    title         text        NOT NULL,
    media_type    text        NOT NULL,
    external_ref  text        UNIQUE,
    body          text        NOT NULL,
    content_hash  text        NOT NULL,
    indexed_hash  text,
    status        text        NOT NULL CHECK (status IN ('PENDING', 'INDEXING', 'INDEXED', 'FAILED')),
    chunk_count   integer     NOT NULL DEFAULT 0,
    last_error    text,
    lease_owner   text,
    lease_until   timestamptz,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    indexed_at    timestamptz,
    CHECK ((channel = 'study') = (course_id IS NOT NULL))
);
CREATE INDEX document_backlog_idx ON document (updated_at) WHERE status IN ('PENDING', 'INDEXING');
CREATE INDEX document_channel_idx ON document (channel, course_id, created_at DESC);

-- A retrievable passage. lexemes: Nori morphemes of title + section + content in the 'simple'
-- configuration; terms: the same morphemes as text, for pg_trgm; embedding from the configured
-- embedder (embedding_model says which: vectors of different models are never compared).
CREATE TABLE chunk (
    id              bigserial   PRIMARY KEY,
    document_id     uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    channel         text        NOT NULL,
    course_id       text,
    lesson_id       text,
    ordinal         integer     NOT NULL,
    section         text        NOT NULL,
    page            integer,
    content         text        NOT NULL,
    content_hash    text        NOT NULL,
    terms           text        NOT NULL,
    lexemes         tsvector    NOT NULL,
    embedding_model text,
    embedding       vector(512)
);
CREATE INDEX chunk_document_idx ON chunk (document_id, ordinal);
CREATE INDEX chunk_scope_idx ON chunk (channel, course_id);
CREATE INDEX chunk_lexemes_idx ON chunk USING gin (lexemes);
CREATE INDEX chunk_terms_trgm_idx ON chunk USING gin (terms gin_trgm_ops);
CREATE INDEX chunk_embedding_idx ON chunk USING hnsw (embedding vector_cosine_ops);

-- The local copy of course access (learning-service's enrollment events): one row per enrollment,
-- the newest event (by its time) wins, so reordered events converge.
CREATE TABLE course_access (
    enrollment_id text        PRIMARY KEY,
    account_id    text        NOT NULL,
    course_id     text        NOT NULL,
    active        boolean     NOT NULL,
    event_time    timestamptz NOT NULL
);
CREATE INDEX course_access_account_idx ON course_access (account_id) WHERE active;

-- Fingerprints of open or upcoming evaluation items (exam-service): hashes of character shingles,
-- never the item text. A fingerprint set replaces the evaluation's previous one.
CREATE TABLE evaluation_item (
    evaluation_id text        NOT NULL,
    item_id       text        NOT NULL,
    course_id     text,
    status        text        NOT NULL,
    closes_at     timestamptz,
    shingles      integer     NOT NULL,
    event_time    timestamptz NOT NULL,
    PRIMARY KEY (evaluation_id, item_id)
);
CREATE TABLE evaluation_shingle (
    evaluation_id text   NOT NULL,
    item_id       text   NOT NULL,
    hash          bigint NOT NULL,
    PRIMARY KEY (evaluation_id, item_id, hash),
    FOREIGN KEY (evaluation_id, item_id) REFERENCES evaluation_item (evaluation_id, item_id) ON DELETE CASCADE
);
CREATE INDEX evaluation_shingle_hash_idx ON evaluation_shingle (hash);

-- Evidence of every refusal: who, when, where, why, and for R4 which evaluation and item.
CREATE TABLE refusal (
    id            uuid        PRIMARY KEY,
    account_id    text        NOT NULL,
    channel       text        NOT NULL,
    course_id     text,
    reason        text        NOT NULL,
    evaluation_id text,
    item_id       text,
    overlap       real,
    question      text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refusal_account_idx ON refusal (account_id, created_at DESC);

-- Conversations per account, purged after the retention period. Questions are stored redacted (R3).
CREATE TABLE conversation (
    id          uuid        PRIMARY KEY,
    account_id  text        NOT NULL,
    channel     text        NOT NULL,
    course_id   text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_account_idx ON conversation (account_id, last_at DESC);
CREATE INDEX conversation_last_idx ON conversation (last_at);
CREATE TABLE conversation_turn (
    id              uuid        PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    question        text        NOT NULL,
    answer          text        NOT NULL,
    mode            text        NOT NULL,
    top_score       real,
    citations       jsonb       NOT NULL DEFAULT '[]',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_turn_idx ON conversation_turn (conversation_id, created_at);
-- The unanswered questions of a channel (what to add to the FAQ).
CREATE INDEX conversation_turn_unanswered_idx ON conversation_turn (created_at DESC) WHERE mode = 'NO_ANSWER';
