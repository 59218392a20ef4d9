-- Dashboards and reports (docs/learning.md "Dashboards", "Evidence report"): indexed SQL, no copies.
-- The admin figures count enrollments by application month (Asia/Seoul boundaries bound from the server).
CREATE INDEX enrollment_applied_idx ON enrollment (applied_at) INCLUDE (status);
-- Active cohorts of the admin dashboard: study_from <= today <= study_to.
CREATE INDEX cohort_period_idx ON cohort (study_to, study_from);
-- The evidence report reads every cue-quiz attempt of one enrollment, right or wrong, in time order.
CREATE INDEX cue_quiz_attempt_enrollment_idx ON cue_quiz_attempt (enrollment_id, attempted_at);
-- The instructor's learner table: last study of an enrollment = max(updated_at) of its lessons.
CREATE INDEX lesson_progress_last_study_idx ON lesson_progress (enrollment_id, updated_at DESC);
