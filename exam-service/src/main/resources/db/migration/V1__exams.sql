-- exam-service: question bank, evaluations, attempts, grading, assignments, copied-answer flags,
-- evidence, and the local copy of what learning-service tells us (enrollments, progress).

-- Question bank. An item is immutable once an attempt showed it: an edit then writes a new version
-- (same family, version + 1) and retires the old one, so attempts keep what they were shown.
CREATE TABLE item (
    id           uuid        PRIMARY KEY,
    family_id    uuid        NOT NULL,
    version      integer     NOT NULL,
    current      boolean     NOT NULL DEFAULT true,
    course_id    text        NOT NULL,
    subject      text,
    type         text        NOT NULL CHECK (type IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SHORT_ANSWER', 'ESSAY')),
    difficulty   text        NOT NULL CHECK (difficulty IN ('HIGH', 'MEDIUM', 'LOW')),
    stem         text        NOT NULL,
    choices      jsonb       NOT NULL DEFAULT '[]',
    answer_key   jsonb       NOT NULL,
    points       integer     NOT NULL CHECK (points > 0),
    explanation  text,
    tags         text[]      NOT NULL DEFAULT '{}',
    content_hash text        NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    UNIQUE (family_id, version)
);
CREATE INDEX item_pool_idx ON item (course_id, difficulty) WHERE current;
-- a re-import of the same row finds it here and changes nothing
CREATE UNIQUE INDEX item_current_content_idx ON item (course_id, content_hash) WHERE current;

-- Evaluations per course: STAGE (진행단계평가), FINAL (최종평가), ASSIGNMENT (과제).
CREATE TABLE evaluation (
    id                 uuid        PRIMARY KEY,
    course_id          text        NOT NULL,
    cohort_id          text,
    kind               text        NOT NULL CHECK (kind IN ('STAGE', 'FINAL', 'ASSIGNMENT')),
    title              text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    opens_at           timestamptz NOT NULL,
    closes_at          timestamptz NOT NULL,
    time_limit_seconds integer,
    pass_score         integer     NOT NULL,
    max_attempts       integer     NOT NULL,
    selection          jsonb       NOT NULL,
    rules              jsonb       NOT NULL,
    assignment_points  integer,
    similarity_checked_at timestamptz,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    CHECK (closes_at > opens_at)
);
CREATE INDEX evaluation_course_idx ON evaluation (course_id);

-- What learning-service said about a trainee in a course (exam-events). Newer events win.
CREATE TABLE standing (
    account_id        text        NOT NULL,
    course_id         text        NOT NULL,
    cohort_id         text,
    enrollment_id     text,
    active            boolean     NOT NULL,
    study_from        date,
    study_to          date,
    course_progress   numeric(5,2) NOT NULL DEFAULT 0,
    status_changed_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, course_id)
);
CREATE TABLE lesson_standing (
    account_id text         NOT NULL,
    lesson_id  text         NOT NULL,
    course_id  text,
    percent    numeric(5,2) NOT NULL,
    PRIMARY KEY (account_id, lesson_id)
);

-- Attempts. One number per trainee and evaluation, so concurrent starts collide on the key.
CREATE TABLE attempt (
    id             uuid        PRIMARY KEY,
    evaluation_id  uuid        NOT NULL REFERENCES evaluation (id),
    trainee_id     text        NOT NULL,
    attempt_no     integer     NOT NULL,
    status         text        NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUBMITTED', 'GRADED')),
    started_at     timestamptz NOT NULL,
    deadline       timestamptz NOT NULL,
    submitted_at   timestamptz,
    auto_submitted boolean     NOT NULL DEFAULT false,
    on_time        boolean,
    blank          boolean,
    score          numeric(6,2),
    passed         boolean,
    score_reason   text,
    result_revision integer    NOT NULL DEFAULT 0,
    UNIQUE (evaluation_id, trainee_id, attempt_no)
);
CREATE UNIQUE INDEX attempt_one_open_idx ON attempt (evaluation_id, trainee_id) WHERE status = 'IN_PROGRESS';
CREATE INDEX attempt_overdue_idx ON attempt (deadline) WHERE status = 'IN_PROGRESS';
CREATE INDEX attempt_trainee_idx ON attempt (trainee_id);

-- The items an attempt showed, in order (the exact versions).
CREATE TABLE attempt_item (
    attempt_id uuid    NOT NULL REFERENCES attempt (id),
    position   integer NOT NULL,
    item_id    uuid    NOT NULL REFERENCES item (id),
    PRIMARY KEY (attempt_id, item_id)
);
CREATE INDEX attempt_item_item_idx ON attempt_item (item_id);

-- Saved answers: the last write by client sequence number wins. part_id is the item, or for an
-- assignment the attempt itself (its text).
CREATE TABLE answer (
    attempt_id uuid        NOT NULL REFERENCES attempt (id),
    part_id    uuid        NOT NULL,
    response   jsonb       NOT NULL,
    client_seq bigint      NOT NULL,
    saved_at   timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, part_id)
);

-- Assignment files (content behind the storage port).
CREATE TABLE submission_file (
    id           uuid        PRIMARY KEY,
    attempt_id   uuid        NOT NULL REFERENCES attempt (id),
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL,
    sha256       text        NOT NULL,
    storage_key  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX submission_file_attempt_idx ON submission_file (attempt_id);

-- Grades per part; the current value. Regrades are appended to grade_change, never edited.
CREATE TABLE grade (
    attempt_id uuid         NOT NULL REFERENCES attempt (id),
    part_id    uuid         NOT NULL,
    points     numeric(7,2) NOT NULL,
    max_points numeric(7,2) NOT NULL,
    automatic  boolean      NOT NULL,
    feedback   text,
    rubric     jsonb,
    graded_by  text         NOT NULL,
    graded_at  timestamptz  NOT NULL,
    PRIMARY KEY (attempt_id, part_id),
    CHECK (points >= 0 AND points <= max_points)
);
CREATE TABLE grade_change (
    id         bigserial    PRIMARY KEY,
    attempt_id uuid         NOT NULL REFERENCES attempt (id),
    part_id    uuid         NOT NULL,
    old_points numeric(7,2) NOT NULL,
    new_points numeric(7,2) NOT NULL,
    reason     text         NOT NULL,
    changed_by text         NOT NULL,
    changed_at timestamptz  NOT NULL
);

-- Copied-answer flags (모사답안): one per evaluation, kind and pair.
CREATE TABLE similarity_flag (
    id            uuid         PRIMARY KEY,
    evaluation_id uuid         NOT NULL REFERENCES evaluation (id),
    kind          text         NOT NULL CHECK (kind IN ('IDENTICAL_FILE', 'SIMILAR_TEXT', 'COMMON_WRONG_ANSWERS')),
    attempt_a     uuid         NOT NULL REFERENCES attempt (id),
    attempt_b     uuid         NOT NULL REFERENCES attempt (id),
    score         numeric(8,4) NOT NULL,
    evidence      jsonb        NOT NULL,
    status        text         NOT NULL CHECK (status IN ('OPEN', 'CONFIRMED', 'DISMISSED')),
    decided_by    text,
    decided_at    timestamptz,
    reason        text,
    flagged_at    timestamptz  NOT NULL,
    UNIQUE (evaluation_id, kind, attempt_a, attempt_b),
    CHECK (attempt_a < attempt_b)
);

-- Evidence: every start, autosave, submit, auto-submit, grade, regrade and similarity decision.
CREATE TABLE evidence (
    id            bigserial   PRIMARY KEY,
    at            timestamptz NOT NULL,
    trainee_id    text        NOT NULL,
    actor_id      text        NOT NULL,
    action        text        NOT NULL,
    evaluation_id uuid,
    attempt_id    uuid,
    ip            text,
    device        text,
    detail        jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX evidence_trainee_idx ON evidence (trainee_id, id);

-- Append-only, enforced by the database: evidence and regrade records are never changed or removed.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER grade_change_append_only BEFORE UPDATE OR DELETE ON grade_change FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- E3 in the database too: answers of an attempt that is no longer in progress never change.
CREATE FUNCTION refuse_answer_after_submit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM attempt WHERE id = NEW.attempt_id AND status <> 'IN_PROGRESS') THEN
        RAISE EXCEPTION 'attempt % is submitted', NEW.attempt_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER answer_frozen_after_submit BEFORE INSERT OR UPDATE ON answer FOR EACH ROW EXECUTE FUNCTION refuse_answer_after_submit();
