import { Link } from 'react-router-dom';
import { learning } from '../api/endpoints';
import { ErrorBox, Loading, ProgressBar, formatDate, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';

/** 나의 강의실: a card per enrollment with 진도율, the study period and the way in. */
export default function Classroom() {
  const { t, lang } = useI18n();
  const courses = useAsync(() => learning.myCourses(), []);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  return (
    <div className="page">
      <h1>{t('classroom.title')}</h1>
      <ErrorBox error={courses.error} />
      {courses.loading && !courses.data ? <Loading /> : null}
      <div className="grid" data-testid="classroom">
        {courses.data?.map((c) => {
          const over = c.studyTo < today;
          const percent = Number(c.progressPercent);
          return (
            <article key={c.enrollmentId} className="course-card classroom-card" data-testid="classroom-card">
              <div className="course-body">
                <p className="tags"><span className={`tag status-${c.status}`}>{t(`enrollment.${c.status}`)}</span>
                  {over ? <span className="tag tag-warn">{t('classroom.expired')}</span> : null}</p>
                <h3>{c.courseTitle}</h3>
                <p className="muted">{c.cohortName} · {formatDate(c.studyFrom, lang)} ~ {formatDate(c.studyTo, lang)}</p>
                <ProgressBar percent={percent} label={t('classroom.progress')} />
                <p className="progress-line"><span>{t('classroom.progress')}</span>
                  <strong data-testid="progress-percent">{percent.toFixed(1)}%</strong>
                  <span className="muted">{t('classroom.lessonsDone', { done: c.completedLessons, total: c.totalLessons })}</span></p>
                {c.status === 'ACTIVE' ? (
                  <Link className="btn btn-primary" to={`/classroom/${c.enrollmentId}`}>{t('classroom.enter')}</Link>
                ) : <p className="muted">{t(`classroom.statusHint.${c.status}`)}</p>}
              </div>
            </article>
          );
        })}
      </div>
      {courses.data && courses.data.length === 0 ? (
        <p className="muted">{t('classroom.empty')} <Link to="/courses">{t('nav.catalog')}</Link></p>
      ) : null}
    </div>
  );
}
