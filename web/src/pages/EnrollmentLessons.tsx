import { Link, useParams } from 'react-router-dom';
import { learning } from '../api/endpoints';
import type { LessonProgress } from '../api/types';
import { ErrorBox, Loading, ProgressBar, formatDate, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { StudyAssistant } from '../chatbot/ChatPanel';

/** A lesson is shown locked until the one before it is complete (learning-service decides: LESSON_LOCKED). */
export function lockStates(lessons: LessonProgress[]): boolean[] {
  return lessons.map((_, i) => i > 0 && !lessons[i - 1].completed);
}

export function nextLesson(lessons: LessonProgress[]): LessonProgress | null {
  return lessons.find((l) => !l.completed) ?? null;
}

export default function EnrollmentLessons() {
  const { enrollmentId = '' } = useParams();
  const { t, lang } = useI18n();
  const data = useAsync(async () => {
    const [courses, lessons] = await Promise.all([learning.myCourses(), learning.lessons(enrollmentId)]);
    return { course: courses.find((c) => c.enrollmentId === enrollmentId) ?? null, lessons };
  }, [enrollmentId]);
  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <div className="page"><ErrorBox error={data.error} /></div>;
  const { course, lessons } = data.data;
  const locks = lockStates(lessons);
  const next = nextLesson(lessons);
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('common.breadcrumb')}><Link to="/classroom">{t('classroom.title')}</Link> › {course?.courseTitle}</nav>
      <h1>{course?.courseTitle}</h1>
      {course ? <p className="muted">{course.cohortName} · {t('course.studyPeriod')} {formatDate(course.studyFrom, lang)} ~ {formatDate(course.studyTo, lang)}</p> : null}
      {next ? <p><Link className="btn btn-primary" to={`/classroom/${enrollmentId}/lessons/${next.lessonId}`} data-testid="continue">
        {next.resumeSecond > 0 ? t('lessons.resume', { title: next.title }) : t('lessons.start', { title: next.title })}</Link></p> : null}
      <ol className="lesson-table" data-testid="lessons">
        {lessons.map((l, i) => (
          <li key={l.lessonId} className={locks[i] ? 'locked' : ''}>
            <span className="lesson-no">{l.subjectPosition + 1}-{l.position + 1}</span>
            <span className="lesson-title">{l.title}</span>
            <span className="lesson-progress"><ProgressBar percent={l.percent} label={t('classroom.progress')} /> {l.percent}%</span>
            <span className="lesson-state">
              {l.completed ? <span className="tag status-ACTIVE">{t('lessons.done')}</span>
                : locks[i] ? <span className="tag tag-muted" title={t('lessons.lockedHint')}>🔒 {t('lessons.locked')}</span> : null}
            </span>
            <Link className="btn btn-small" to={`/classroom/${enrollmentId}/lessons/${l.lessonId}`}>{t('lessons.watch')}</Link>
          </li>
        ))}
      </ol>
      <p><Link to="/exams" data-testid="course-exams">{t('exams.title')}</Link></p>
      {course ? <StudyAssistant courseId={course.courseId} /> : null}
    </div>
  );
}
