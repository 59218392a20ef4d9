import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { catalog, learning } from '../api/endpoints';
import { ErrorBox, Loading, formatDate, useAsync, useClaims } from '../components/common';
import { useI18n } from '../i18n/i18n';

export function CourseDetail() {
  const { courseId = '' } = useParams();
  const { t, lang } = useI18n();
  const claims = useClaims();
  const navigate = useNavigate();
  const outline = useAsync(() => catalog.outline(courseId), [courseId]);
  const cohorts = useAsync(() => catalog.cohorts(courseId), [courseId]);
  const [applied, setApplied] = useState<string | null>(null);
  const [carted, setCarted] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const apply = async (cohortId: string) => {
    if (!claims) { navigate(`/login?next=${encodeURIComponent(`/courses/${courseId}`)}`); return; }
    setError(null);
    try {
      await learning.apply(cohortId);
      setApplied(cohortId);
    } catch (e) { setError(e); }
  };
  const addToCart = async (cohortId: string) => {
    if (!claims) { navigate(`/login?next=${encodeURIComponent(`/courses/${courseId}`)}`); return; }
    setError(null);
    try {
      const { billing } = await import('../api/billing');
      await billing.addToCart(cohortId);
      setCarted(cohortId);
    } catch (e) { setError(e); }
  };
  if (outline.loading && !outline.data) return <Loading />;
  if (!outline.data) return <div className="page"><ErrorBox error={outline.error} /></div>;
  const { course, subjects } = outline.data;
  const lessonCount = subjects.reduce((n, s) => n + s.lessons.length, 0);
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('common.breadcrumb')}><Link to="/courses">{t('catalog.title')}</Link> › {course.title}</nav>
      <header className="detail-head">
        <div>
          <p className="tags"><span className="tag">{t(`trainingType.${course.trainingType}`)}</span><span className="tag tag-muted">{t(`level.${course.level}`)}</span></p>
          <h1>{course.title}</h1>
          <p className="lead">{course.description}</p>
          <p className="muted">{t('course.summary', { subjects: subjects.length, lessons: lessonCount })}</p>
        </div>
      </header>
      <div className="two-col">
        <section className="card">
          <h2>{t('course.curriculum')}</h2>
          <ol className="curriculum">
            {subjects.map((s) => (
              <li key={s.id}>
                <h3>{s.title}</h3>
                <ol>
                  {s.lessons.map((l) => (
                    <li key={l.id}>
                      <span>{l.title}</span>
                      <span className="muted">{l.recognisedSeconds ? t('course.recognised', { min: Math.ceil(l.recognisedSeconds / 60) }) : ''}</span>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </section>
        <section className="card">
          <h2>{t('course.cohorts')}</h2>
          <ErrorBox error={cohorts.error || error} />
          {applied ? <p className="alert alert-ok" role="status" data-testid="applied">{t('course.applied')}</p> : null}
          {carted ? <p className="alert alert-ok" role="status" data-testid="carted">{t('course.carted')} <Link to="/cart">{t('nav.cart')}</Link></p> : null}
          <ul className="cohorts">
            {cohorts.data?.items.map((c) => (
              <li key={c.id}>
                <div>
                  <strong>{c.name}</strong>
                  <p className="muted">{t('course.studyPeriod')}: {formatDate(c.studyFrom, lang)} ~ {formatDate(c.studyTo, lang)}</p>
                  <p className="muted">{t('course.enrollmentPeriod')}: {formatDate(c.enrollmentFrom, lang)} ~ {formatDate(c.enrollmentTo, lang)} · {t('course.capacity', { n: c.capacity })}</p>
                </div>
                <button type="button" className="btn btn-primary" onClick={() => apply(c.id)} disabled={applied === c.id}
                  data-testid={`apply-${c.id}`}>{t('course.apply')}</button>
                {course.price > 0 ? (
                  <button type="button" className="btn" onClick={() => addToCart(c.id)} disabled={carted === c.id}
                    data-testid={`cart-${c.id}`}>{t('course.addToCart')}</button>
                ) : null}
              </li>
            ))}
          </ul>
          {cohorts.data && cohorts.data.items.length === 0 ? <p className="muted">{t('course.noCohorts')}</p> : null}
        </section>
      </div>
    </div>
  );
}
