import { Link } from 'react-router-dom';
import { catalog } from '../api/endpoints';
import { ErrorBox, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { CourseCard } from './Catalog';

export function Home() {
  const { t } = useI18n();
  const courses = useAsync(() => catalog.search({ size: 6 }), []);
  return (
    <div className="page">
      <section className="hero">
        <div>
          <p className="eyebrow">{t('home.eyebrow')}</p>
          <h1>{t('home.title')}</h1>
          <p className="lead">{t('home.lead')}</p>
          <div className="hero-actions">
            <Link to="/courses" className="btn btn-primary">{t('home.browse')}</Link>
            <Link to="/signup" className="btn btn-ghost">{t('home.join')}</Link>
          </div>
        </div>
        <ul className="figures" aria-label={t('home.figures')}>
          <li><strong data-testid="course-count">{courses.data ? courses.data.page.total : '—'}</strong><span>{t('home.figureCourses')}</span></li>
          <li><strong>5</strong><span>{t('home.figureMeasures')}</span></li>
          <li><strong>3</strong><span>{t('home.figureRoles')}</span></li>
        </ul>
      </section>
      <section className="features" aria-label={t('home.featuresLabel')}>
        {['hidden', 'rate', 'seek', 'identity', 'server'].map((key) => (
          <article key={key} className="feature">
            <h3>{t(`home.feature.${key}.title`)}</h3>
            <p>{t(`home.feature.${key}.text`)}</p>
          </article>
        ))}
      </section>
      <section>
        <div className="section-head">
          <h2>{t('home.openCourses')}</h2>
          <Link to="/courses">{t('home.all')}</Link>
        </div>
        <ErrorBox error={courses.error} />
        <div className="grid">
          {courses.data?.items.map((c) => <CourseCard key={c.id} course={c} />)}
          {courses.data && courses.data.items.length === 0 ? <p className="muted">{t('catalog.empty')}</p> : null}
        </div>
      </section>
    </div>
  );
}
