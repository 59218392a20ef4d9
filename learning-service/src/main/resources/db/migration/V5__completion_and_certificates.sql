-- Completion (수료) inputs and outcomes. The schema is a contract between the completion feature
-- (which writes these tables) and the dashboards/reports (which read them).

-- Weights and thresholds of the completion rule, as policy data next to hrd_policy: effective-dated
-- per training type, the version in force for a cohort is the latest one whose effective_from is on or
-- before the cohort's study start (as for hrd_policy). Weights are percentages summing to 100.
CREATE TABLE completion_policy (
    id                     uuid        PRIMARY KEY,
    training_type          text        NOT NULL,
    version                integer     NOT NULL CHECK (version > 0),
    effective_from         date        NOT NULL,
    min_progress_percent   integer     NOT NULL CHECK (min_progress_percent BETWEEN 1 AND 100),
    min_total_score        integer     NOT NULL CHECK (min_total_score BETWEEN 0 AND 100),
    final_weight           integer     NOT NULL CHECK (final_weight BETWEEN 0 AND 100),
    assignment_weight      integer     NOT NULL CHECK (assignment_weight BETWEEN 0 AND 100),
    stage_weight           integer     NOT NULL CHECK (stage_weight BETWEEN 0 AND 100),
    require_on_time        boolean     NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (training_type, version),
    UNIQUE (training_type, effective_from),
    CHECK (final_weight + assignment_weight + stage_weight = 100)
);

INSERT INTO completion_policy (id, training_type, version, effective_from, min_progress_percent, min_total_score,
                               final_weight, assignment_weight, stage_weight, require_on_time)
VALUES ('00000000-0000-4000-b000-000000000101', 'SAEOPJU',     1, '2025-01-01', 80, 60, 60, 30, 10, true),
       ('00000000-0000-4000-b000-000000000201', 'NAEIL_CARD',  1, '2025-01-01', 80, 60, 60, 30, 10, true),
       ('00000000-0000-4000-b000-000000000301', 'SMART_MIXED', 1, '2025-01-01', 80, 60, 60, 30, 10, true);

-- Results from exam-service (io.baeum.exam.ExamResultRecorded.v1 on learning-events): one row per
-- attempt, the highest revision wins whatever the arrival order; the inbox makes redelivery harmless.
CREATE TABLE evaluation_result (
    attempt_id       uuid          PRIMARY KEY,
    enrollment_id    uuid          NOT NULL REFERENCES enrollment (id),
    evaluation_id    uuid          NOT NULL,
    evaluation_kind  text          NOT NULL CHECK (evaluation_kind IN ('STAGE', 'FINAL', 'ASSIGNMENT')),
    attempt_no       integer       NOT NULL CHECK (attempt_no > 0),
    score            numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    pass_score       integer       NOT NULL,
    passed           boolean       NOT NULL,
    on_time          boolean       NOT NULL,
    auto_submitted   boolean       NOT NULL,
    submitted_at     timestamptz,
    graded_at        timestamptz   NOT NULL,
    revision         integer       NOT NULL CHECK (revision > 0),
    reason           text,
    recorded_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX evaluation_result_enrollment_idx ON evaluation_result (enrollment_id, evaluation_kind);

-- The completion decision of an enrollment, with why: each criterion, its value and threshold
-- (criteria jsonb: [{"criterion":"PROGRESS","value":83.5,"threshold":80,"met":true}, ...]).
-- Re-decided (e.g. after a re-exam or a copied-answer decision): the row is updated and decision_no + 1;
-- every decision is also written to the enrollment's evidence.
CREATE TABLE completion (
    enrollment_id      uuid          PRIMARY KEY REFERENCES enrollment (id),
    outcome            text          NOT NULL CHECK (outcome IN ('COMPLETED', 'FAILED')),
    progress_percent   numeric(5, 2) NOT NULL,
    total_score        numeric(5, 2) NOT NULL,
    criteria           jsonb         NOT NULL,
    policy_id          uuid          NOT NULL REFERENCES completion_policy (id),
    decided_at         timestamptz   NOT NULL,
    decision_no        integer       NOT NULL DEFAULT 1
);
CREATE INDEX completion_outcome_idx ON completion (outcome, decided_at);

-- Certificates (수료증): number = year + sequence + check digit, unique, kept 5 years (kept_until).
CREATE TABLE certificate (
    number             text          PRIMARY KEY,
    enrollment_id      uuid          NOT NULL UNIQUE REFERENCES enrollment (id),
    account_id         text          NOT NULL,
    course_id          uuid          NOT NULL REFERENCES course (id),
    cohort_id          uuid          NOT NULL REFERENCES cohort (id),
    holder_name        text          NOT NULL,
    show_holder_name   boolean       NOT NULL DEFAULT false,
    issued_at          timestamptz   NOT NULL,
    kept_until         date          NOT NULL,
    revoked_at         timestamptz,
    revoked_reason     text
);
CREATE INDEX certificate_account_idx ON certificate (account_id);

CREATE SEQUENCE certificate_seq;

-- Every issue and re-issue of a certificate (the number stays).
CREATE TABLE certificate_issue (
    number     text        NOT NULL REFERENCES certificate (number),
    issue_no   integer     NOT NULL CHECK (issue_no > 0),
    form       text        NOT NULL CHECK (form IN ('HRD', 'FREE')),
    issued_at  timestamptz NOT NULL,
    issued_by  text        NOT NULL,
    PRIMARY KEY (number, issue_no)
);
