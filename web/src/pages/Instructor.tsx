import { useState } from 'react';
import { Link, NavLink, Route, Routes, useParams } from 'react-router-dom';
import Grading from '../exams/Grading';
import { instructor } from '../api/endpoints';
import { ErrorBox, Loading, Pager, ProgressBar, formatDate, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';

function MyCohorts() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(0);
  const cohorts = useAsync(() => instructor.cohorts(page), [page]);
  return (
    <div className="page">
      <h1>{t('instructor.title')}</h1>
      <ErrorBox error={cohorts.error} />
      {cohorts.loading && !cohorts.data ? <Loading /> : null}
      <table className="table" data-testid="instructor-cohorts">
        <thead><tr><th>{t('admin.cohort')}</th><th>{t('course.studyPeriod')}</th><th>{t('course.capacityLabel')}</th><th /></tr></thead>
        <tbody>
          {cohorts.data?.items.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{formatDate(c.studyFrom, lang)} ~ {formatDate(c.studyTo, lang)}</td>
              <td>{c.capacity}</td>
              <td><Link className="btn btn-small" to={`/instructor/cohorts/${c.id}`}>{t('instructor.progressTable')}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
      {cohorts.data ? <Pager page={cohorts.data.page} onPage={setPage} /> : null}
    </div>
  );
}

/** 수강생 진도율 테이블 of one cohort the instructor teaches. */
export function ProgressTable({ load, title }: { load: (page: number, q: string) => ReturnType<typeof instructor.progress>; title: string }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(0);
  const [q, setQ] = useState('');
  const rows = useAsync(() => load(page, q), [page, q]);
  return (
    <div className="page">
      <h1>{title}</h1>
      <label className="field narrow-field"><span>{t('instructor.searchLearner')}</span>
        <input type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(0); }} maxLength={128} /></label>
      <ErrorBox error={rows.error} />
      <table className="table" data-testid="progress-table">
        <thead><tr><th>{t('instructor.learner')}</th><th>{t('admin.status')}</th><th>{t('classroom.progress')}</th><th>{t('instructor.completed')}</th><th>{t('instructor.lastStudied')}</th></tr></thead>
        <tbody>
          {rows.data?.items.map((r) => (
            <tr key={r.enrollmentId}>
              <td className="mono">{r.accountId}</td>
              <td>{t(`enrollment.${r.status}`)}</td>
              <td><ProgressBar percent={Number(r.progressPercent)} label={t('classroom.progress')} /> {Number(r.progressPercent).toFixed(1)}%</td>
              <td>{r.completedLessons}</td>
              <td>{formatDate(r.lastStudied, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.data && rows.data.items.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
      {rows.data ? <Pager page={rows.data.page} onPage={setPage} /> : null}
    </div>
  );
}

function CohortProgress() {
  const { cohortId = '' } = useParams();
  const { t } = useI18n();
  return <ProgressTable title={t('instructor.progressTable')} load={(page, q) => instructor.progress(cohortId, { page, q })} />;
}

export default function InstructorHome() {
  const { t } = useI18n();
  return (
    <>
    <nav className="subnav" aria-label={t('nav.instructor')}>
      <NavLink end to="/instructor">{t('instructor.title')}</NavLink>
      <NavLink to="/instructor/grading" data-testid="nav-grading">{t('grading.title')}</NavLink>
    </nav>
    <Routes>
      <Route index element={<MyCohorts />} />
      <Route path="grading" element={<Grading />} />
      <Route path="cohorts/:cohortId" element={<CohortProgress />} />
    </Routes>
    </>
  );
}
