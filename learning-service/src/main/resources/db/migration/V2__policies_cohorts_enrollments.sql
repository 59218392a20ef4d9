-- HRD policies as data: versioned, effective-dated, per training type. The version in force for a
-- cohort is the latest one whose effective_from is on or before the cohort's study start.
CREATE TABLE hrd_policy (
    id                         uuid          PRIMARY KEY,
    training_type              text          NOT NULL,
    version                    integer       NOT NULL CHECK (version > 0),
    effective_from             date          NOT NULL,
    credit_mode                text          NOT NULL CHECK (credit_mode IN ('COVERAGE', 'TIME')),
    max_playback_rate          numeric(3, 2) NOT NULL CHECK (max_playback_rate BETWEEN 1 AND 4),
    seek_rule                  text          NOT NULL CHECK (seek_rule IN ('FREE', 'WATCHED_ONLY')),
    id_check_min_seconds       integer       CHECK (id_check_min_seconds > 0),
    id_check_max_seconds       integer,
    step_up_every_lessons      integer       CHECK (step_up_every_lessons > 0),
    step_up_max_age_seconds    integer       CHECK (step_up_max_age_seconds > 0),
    daily_lesson_cap           integer       NOT NULL CHECK (daily_lesson_cap > 0),
    unlock_percent             integer       CHECK (unlock_percent BETWEEN 1 AND 100),
    lesson_completion_percent  integer       NOT NULL CHECK (lesson_completion_percent BETWEEN 1 AND 100),
    course_completion_percent  integer       NOT NULL CHECK (course_completion_percent BETWEEN 1 AND 100),
    passing_score              integer       NOT NULL CHECK (passing_score BETWEEN 0 AND 100),
    heartbeat_seconds          integer       NOT NULL CHECK (heartbeat_seconds BETWEEN 1 AND 300),
    created_at                 timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (training_type, version),
    UNIQUE (training_type, effective_from),
    CHECK ((id_check_min_seconds IS NULL) = (id_check_max_seconds IS NULL)),
    CHECK (id_check_max_seconds IS NULL OR id_check_max_seconds >= id_check_min_seconds)
);

-- The rulebook of PRODUCT.md. v1: coverage credit (set of watched seconds); v2 from 2026-01-01:
-- the 2026 study-time rule (real elapsed time, from 50 % of the recognised time, full at 100 %).
INSERT INTO hrd_policy (id, training_type, version, effective_from, credit_mode, max_playback_rate, seek_rule,
                        id_check_min_seconds, id_check_max_seconds, step_up_every_lessons, step_up_max_age_seconds,
                        daily_lesson_cap, unlock_percent, lesson_completion_percent, course_completion_percent,
                        passing_score, heartbeat_seconds)
VALUES ('00000000-0000-4000-a000-000000000101', 'SAEOPJU',     1, '2025-01-01', 'COVERAGE', 1.5, 'WATCHED_ONLY', 900, 1800, 8, 86400, 8, 80, 80, 80, 60, 10),
       ('00000000-0000-4000-a000-000000000102', 'SAEOPJU',     2, '2026-01-01', 'TIME',     2.0, 'WATCHED_ONLY', 900, 1800, 8, 86400, 8, 80, 80, 80, 60, 10),
       ('00000000-0000-4000-a000-000000000201', 'NAEIL_CARD',  1, '2025-01-01', 'COVERAGE', 1.5, 'WATCHED_ONLY', 900, 1800, 8, 86400, 8, 80, 80, 80, 60, 10),
       ('00000000-0000-4000-a000-000000000202', 'NAEIL_CARD',  2, '2026-01-01', 'TIME',     2.0, 'WATCHED_ONLY', 900, 1800, 8, 86400, 8, 80, 80, 80, 60, 10),
       ('00000000-0000-4000-a000-000000000301', 'SMART_MIXED', 1, '2025-01-01', 'COVERAGE', 1.5, 'WATCHED_ONLY', 900, 1800, 8, 86400, 8, 80, 80, 80, 60, 10),
       ('00000000-0000-4000-a000-000000000302', 'SMART_MIXED', 2, '2026-01-01', 'TIME',     2.0, 'WATCHED_ONLY', 900, 1800, 8, 86400, 8, 80, 80, 80, 60, 10);

-- Cohorts (회차) of a course.
CREATE TABLE cohort (
    id                uuid        PRIMARY KEY,
    course_id         uuid        NOT NULL REFERENCES course (id),
    name              text        NOT NULL,
    study_from        date        NOT NULL,
    study_to          date        NOT NULL,
    enrollment_from   date        NOT NULL,
    enrollment_to     date        NOT NULL,
    capacity          integer     NOT NULL CHECK (capacity > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (course_id, name),
    CHECK (study_to >= study_from),
    CHECK (enrollment_to >= enrollment_from),
    CHECK (enrollment_to <= study_to)
);
CREATE INDEX cohort_course_idx ON cohort (course_id, study_from);

CREATE TABLE cohort_instructor (
    cohort_id     uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    instructor_id text NOT NULL,
    PRIMARY KEY (cohort_id, instructor_id)
);
CREATE INDEX cohort_instructor_idx ON cohort_instructor (instructor_id);

-- Enrollments (수강신청). Course progress (진도율) is kept here by the progress consumer.
CREATE TABLE enrollment (
    id                uuid        PRIMARY KEY,
    cohort_id         uuid        NOT NULL REFERENCES cohort (id),
    course_id         uuid        NOT NULL REFERENCES course (id),
    account_id        text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'REJECTED', 'CANCELLED')),
    source            text        NOT NULL CHECK (source IN ('APPLICATION', 'ASSIGNMENT', 'PAYMENT')),
    paid_order_id     text,
    applied_at        timestamptz NOT NULL,
    decided_at        timestamptz,
    decided_by        text,
    decision_reason   text,
    completed_lessons integer     NOT NULL DEFAULT 0,
    progress_percent  numeric(5, 2) NOT NULL DEFAULT 0,
    version           integer     NOT NULL DEFAULT 0
);
-- one live enrollment per trainee and cohort; rejected/cancelled ones stay as history
CREATE UNIQUE INDEX enrollment_live_uq ON enrollment (cohort_id, account_id) WHERE status IN ('PENDING', 'ACTIVE');
CREATE INDEX enrollment_account_idx ON enrollment (account_id);
CREATE INDEX enrollment_cohort_idx ON enrollment (cohort_id, status);
