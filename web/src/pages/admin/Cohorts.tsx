import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { admin } from '../../api/endpoints';
import { ErrorBox, Pager, formatDate, useAsync } from '../../components/common';
import { useI18n } from '../../i18n/i18n';
import { ProgressTable } from '../Instructor';

export function Cohorts() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(0);
  const cohorts = useAsync(() => admin.cohorts({ page }), [page]);
  return (
    <div className="page">
      <h1>{t('admin.cohorts')}</h1>
      <ErrorBox error={cohorts.error} />
      <table className="table" data-testid="admin-cohorts">
        <thead><tr><th>{t('admin.cohort')}</th><th>{t('course.studyPeriod')}</th><th>{t('course.enrollmentPeriod')}</th><th>{t('course.capacityLabel')}</th><th /></tr></thead>
        <tbody>
          {cohorts.data?.items.map((c) => (
            <tr key={c.id}><td>{c.name}</td><td>{formatDate(c.studyFrom, lang)} ~ {formatDate(c.studyTo, lang)}</td>
              <td>{formatDate(c.enrollmentFrom, lang)} ~ {formatDate(c.enrollmentTo, lang)}</td><td>{c.capacity}</td>
              <td><Link className="btn btn-small" to={`/admin/cohorts/${c.id}`}>{t('admin.enrollments')}</Link></td></tr>
          ))}
        </tbody>
      </table>
      {cohorts.data ? <Pager page={cohorts.data.page} onPage={setPage} /> : null}
    </div>
  );
}

export function CohortEnrollments() {
  const { cohortId = '' } = useParams();
  const { t, lang } = useI18n();
  const [status, setStatus] = useState('PENDING');
  const [page, setPage] = useState(0);
  const [accountId, setAccountId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const enrollments = useAsync(() => admin.enrollments(cohortId, { status, page }), [cohortId, status, page]);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try { await work(); enrollments.reload(); } catch (e) { setError(e); }
  };
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('common.breadcrumb')}><Link to="/admin/cohorts">{t('admin.cohorts')}</Link> › {t('admin.enrollments')}</nav>
      <h1>{t('admin.enrollments')}</h1>
      <div className="filters">
        <label className="field"><span>{t('admin.status')}</span>
          <select value={status} onChange={(e) => { setStatus(e.target.value); setPage(0); }} data-testid="enrollment-status">
            <option value="">{t('common.all')}</option>
            {['PENDING', 'ACTIVE', 'REJECTED', 'CANCELLED'].map((s) => <option key={s} value={s}>{t(`enrollment.${s}`)}</option>)}
          </select></label>
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void act(() => admin.assign(cohortId, accountId.trim())); }}>
          <label className="field"><span>{t('admin.assignAccount')}</span><input value={accountId} onChange={(e) => setAccountId(e.target.value)} maxLength={128} /></label>
          <button className="btn" type="submit">{t('admin.assign')}</button>
        </form>
      </div>
      <ErrorBox error={error || enrollments.error} />
      <table className="table" data-testid="enrollments">
        <thead><tr><th>{t('instructor.learner')}</th><th>{t('admin.status')}</th><th>{t('admin.appliedAt')}</th><th>{t('admin.source')}</th><th /></tr></thead>
        <tbody>
          {enrollments.data?.items.map((e) => (
            <tr key={e.id} data-account={e.accountId}>
              <td className="mono">{e.accountId}</td><td>{t(`enrollment.${e.status}`)}</td><td>{formatDate(e.appliedAt, lang)}</td><td>{e.source}</td>
              <td className="row-actions">{e.status === 'PENDING' ? <>
                <button type="button" className="btn btn-small btn-primary" onClick={() => act(() => admin.approve(e.id))} data-testid={`approve-${e.accountId}`}>{t('admin.approve')}</button>
                <button type="button" className="btn btn-small" onClick={() => act(() => admin.reject(e.id, ''))}>{t('admin.reject')}</button>
              </> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {enrollments.data && enrollments.data.items.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
      {enrollments.data ? <Pager page={enrollments.data.page} onPage={setPage} /> : null}
      <ProgressTable title={t('instructor.progressTable')} load={(p, q) => admin.progress(cohortId, p, q)} />
    </div>
  );
}
