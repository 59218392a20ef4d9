-- In-video quizzes at cue points of a lesson. The cue id in grants and cue passes is the quiz id.
CREATE TABLE cue_quiz (
    id             uuid    PRIMARY KEY,
    lesson_id      uuid    NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    at_second      integer NOT NULL CHECK (at_second >= 0),
    question       text    NOT NULL,
    options        jsonb   NOT NULL,
    correct_option integer NOT NULL CHECK (correct_option >= 0),
    explanation    text    NOT NULL DEFAULT '',
    UNIQUE (lesson_id, at_second)
);

-- Every attempt, right or wrong, is evidence.
CREATE TABLE cue_quiz_attempt (
    id            uuid        PRIMARY KEY,
    quiz_id       uuid        NOT NULL REFERENCES cue_quiz (id) ON DELETE CASCADE,
    enrollment_id uuid        NOT NULL REFERENCES enrollment (id),
    account_id    text        NOT NULL,
    chosen_option integer     NOT NULL,
    correct       boolean     NOT NULL,
    pass_id       text,
    attempted_at  timestamptz NOT NULL
);
CREATE INDEX cue_quiz_attempt_idx ON cue_quiz_attempt (enrollment_id, quiz_id) WHERE correct;
