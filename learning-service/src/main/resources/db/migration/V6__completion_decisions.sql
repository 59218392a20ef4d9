-- Completion (V5's contract) plus what the decisions need.

-- exam-service's blank flag (a blank final never earns a re-exam; kept for the evidence report).
ALTER TABLE evaluation_result ADD COLUMN blank boolean NOT NULL DEFAULT false;

-- The evaluations a course has, as far as results told: an evaluation another trainee submitted and this one
-- did not counts 0 in this one's total (exam-service announces no evaluation catalogue).
CREATE TABLE course_evaluation (
    course_id        uuid        NOT NULL REFERENCES course (id),
    evaluation_id    uuid        NOT NULL,
    evaluation_kind  text        NOT NULL CHECK (evaluation_kind IN ('STAGE', 'FINAL', 'ASSIGNMENT')),
    first_seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, evaluation_id)
);

-- Every decision ever taken (completion holds the latest): the history an auditor reads, append-only.
CREATE TABLE completion_decision (
    enrollment_id      uuid          NOT NULL REFERENCES enrollment (id),
    decision_no        integer       NOT NULL CHECK (decision_no > 0),
    outcome            text          NOT NULL CHECK (outcome IN ('COMPLETED', 'FAILED')),
    progress_percent   numeric(5, 2) NOT NULL,
    total_score        numeric(5, 2) NOT NULL,
    criteria           jsonb         NOT NULL,
    policy_id          uuid          NOT NULL REFERENCES completion_policy (id),
    trigger            text          NOT NULL CHECK (trigger IN ('RESULT', 'PROGRESS', 'COURSE_ENDED')),
    decided_at         timestamptz   NOT NULL,
    PRIMARY KEY (enrollment_id, decision_no)
);

CREATE FUNCTION completion_decision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'completion_decision is append-only';
END
$$;
CREATE TRIGGER completion_decision_no_update BEFORE UPDATE OR DELETE ON completion_decision
    FOR EACH ROW EXECUTE FUNCTION completion_decision_append_only();

-- The sweep looks for ended cohorts.
CREATE INDEX cohort_study_to_idx ON cohort (study_to);
