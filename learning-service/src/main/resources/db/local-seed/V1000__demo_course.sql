-- Local runs only (application-local.yml): a small published course with a running cohort.
INSERT INTO course (id, title, description, category, training_type, level, price, status)
VALUES ('00000000-0000-4000-b000-000000000001', '산업안전 기초 (데모)', 'Demo course for local runs', 'safety',
        'SAEOPJU', 'BEGINNER', 0, 'PUBLISHED');
INSERT INTO subject (id, course_id, position, title)
VALUES ('00000000-0000-4000-b000-000000000011', '00000000-0000-4000-b000-000000000001', 0, '1과목 안전의 기초');
INSERT INTO lesson (id, course_id, subject_id, position, title, vimeo_video_id, duration_seconds, recognised_seconds, thumbnail_url)
VALUES ('00000000-0000-4000-b000-000000000101', '00000000-0000-4000-b000-000000000001', '00000000-0000-4000-b000-000000000011',
        0, '1차시 위험의 인식', '76979870', 600, 600, 'https://i.vimeocdn.com/video/76979870-sandbox_640x360'),
       ('00000000-0000-4000-b000-000000000102', '00000000-0000-4000-b000-000000000001', '00000000-0000-4000-b000-000000000011',
        1, '2차시 보호구', '76979880', 600, 600, 'https://i.vimeocdn.com/video/76979880-sandbox_640x360');
INSERT INTO cue_quiz (id, lesson_id, at_second, question, options, correct_option, explanation)
VALUES ('00000000-0000-4000-b000-000000001001', '00000000-0000-4000-b000-000000000101', 300,
        '작업 전 가장 먼저 할 일은?', '["위험성 평가", "작업 시작", "휴식"]', 0, '작업 전에는 위험성 평가를 합니다.');
INSERT INTO cohort (id, course_id, name, study_from, study_to, enrollment_from, enrollment_to, capacity)
VALUES ('00000000-0000-4000-b000-000000000201', '00000000-0000-4000-b000-000000000001', '1기',
        current_date - 7, current_date + 60, current_date - 14, current_date + 30, 100);
INSERT INTO cohort_instructor (cohort_id, instructor_id)
VALUES ('00000000-0000-4000-b000-000000000201', 'demo-instructor');
