-- Union of two bitmaps of media seconds (bit i = second i), padding the shorter one with zeros.
-- Set union is commutative and idempotent, which is what makes redelivery and reordering harmless.
CREATE FUNCTION seconds_union(a bit varying, b bit varying) RETURNS bit varying
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN length(a) >= length(b) THEN a | (b || repeat('0', length(a) - length(b))::bit varying)
        ELSE (a || repeat('0', length(b) - length(a))::bit varying) | b
    END
$$;

-- Per enrollment and lesson: the watched seconds, study time, resume position, completion.
CREATE TABLE lesson_progress (
    enrollment_id    uuid        NOT NULL REFERENCES enrollment (id),
    lesson_id        uuid        NOT NULL REFERENCES lesson (id),
    watched          bit varying NOT NULL DEFAULT B'',
    watched_seconds  integer     NOT NULL DEFAULT 0,
    furthest_second  integer     NOT NULL DEFAULT 0,
    study_millis     bigint      NOT NULL DEFAULT 0,
    resume_second    integer     NOT NULL DEFAULT 0,
    -- (occurred-at, event id) of the event that set the resume position: the latest one wins, whatever the arrival order
    resume_at_ms     bigint      NOT NULL DEFAULT -1,
    resume_event_id  uuid,
    percent          integer     NOT NULL DEFAULT 0,
    completed        boolean     NOT NULL DEFAULT false,
    completed_at     timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (enrollment_id, lesson_id)
);

-- Which lessons a trainee studied on which day (Asia/Seoul): the daily cap.
CREATE TABLE lesson_study_day (
    account_id    text NOT NULL,
    study_day     date NOT NULL,
    lesson_id     uuid NOT NULL,
    enrollment_id uuid NOT NULL,
    PRIMARY KEY (account_id, study_day, lesson_id)
);

-- Append-only evidence, hash-chained per enrollment: hash = SHA-256(previous hash || canonical row text).
CREATE TABLE progress_evidence (
    enrollment_id  uuid        NOT NULL REFERENCES enrollment (id),
    seq            bigint      NOT NULL,
    event_id       uuid        NOT NULL UNIQUE,
    lesson_id      uuid        NOT NULL,
    account_id     text        NOT NULL,
    session_id     text        NOT NULL,
    kind           text        NOT NULL,
    occurred_at_ms bigint      NOT NULL,
    detail         jsonb       NOT NULL,
    prev_hash      bytea       NOT NULL,
    hash           bytea       NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (enrollment_id, seq)
);

CREATE TABLE progress_evidence_head (
    enrollment_id uuid   PRIMARY KEY REFERENCES enrollment (id),
    seq           bigint NOT NULL,
    hash          bytea  NOT NULL
);

CREATE FUNCTION progress_evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'progress_evidence is append-only';
END
$$;
CREATE TRIGGER progress_evidence_no_update BEFORE UPDATE OR DELETE ON progress_evidence
    FOR EACH ROW EXECUTE FUNCTION progress_evidence_append_only();
