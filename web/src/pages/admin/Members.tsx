import { useState, type FormEvent } from 'react';
import { admin } from '../../api/endpoints';
import { ErrorBox, Pager, formatDate, useAsync } from '../../components/common';
import { useI18n } from '../../i18n/i18n';

export function Members() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState({ email: '', namePrefix: '', role: '', status: '' });
  const [applied, setApplied] = useState(filter);
  const [page, setPage] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const members = useAsync(() => admin.members({ ...applied, page }), [applied, page]);
  const requests = useAsync(() => admin.roleRequests(0), []);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try { await work(); members.reload(); requests.reload(); } catch (e) { setError(e); }
  };
  const search = (e: FormEvent) => { e.preventDefault(); setApplied(filter); setPage(0); };
  return (
    <div className="page">
      <h1>{t('admin.members')}</h1>
      <form className="filters" onSubmit={search} role="search">
        <label className="field"><span>{t('field.email')}</span><input value={filter.email} onChange={(e) => setFilter({ ...filter, email: e.target.value })} /></label>
        <label className="field"><span>{t('field.name')}</span><input value={filter.namePrefix} onChange={(e) => setFilter({ ...filter, namePrefix: e.target.value })} /></label>
        <label className="field"><span>{t('me.roles')}</span>
          <select value={filter.role} onChange={(e) => setFilter({ ...filter, role: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {['TRAINEE', 'INSTRUCTOR', 'ADMIN'].map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select></label>
        <label className="field"><span>{t('admin.status')}</span>
          <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {['ACTIVE', 'SUSPENDED'].map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select></label>
        <button className="btn btn-primary" type="submit">{t('catalog.searchButton')}</button>
      </form>
      <ErrorBox error={error || members.error} />
      {requests.data && requests.data.items.length > 0 ? (
        <section className="card">
          <h2>{t('admin.pendingRoleRequests')}</h2>
          <ul className="plain">
            {requests.data.items.map((r) => (
              <li key={r.id} className="row-actions">
                <span className="mono">{r.accountId}</span> → {t(`role.${r.role}`)}
                <button type="button" className="btn btn-small btn-primary" onClick={() => act(() => admin.approveRole(r.id))}>{t('admin.approve')}</button>
                <button type="button" className="btn btn-small" onClick={() => act(() => admin.rejectRole(r.id))}>{t('admin.reject')}</button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <table className="table" data-testid="members">
        <thead><tr><th>{t('field.name')}</th><th>{t('field.email')}</th><th>{t('me.roles')}</th><th>{t('admin.status')}</th><th>{t('me.identity')}</th><th>{t('admin.joined')}</th><th /></tr></thead>
        <tbody>
          {members.data?.items.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td><td>{m.email}</td><td>{m.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
              <td>{t(`status.${m.status}`)}</td><td>{m.identityVerifiedAt ? '✓' : '—'}</td><td>{formatDate(m.createdAt, lang)}</td>
              <td>{m.status === 'ACTIVE'
                ? <button type="button" className="btn btn-small" onClick={() => act(() => admin.suspend(m.id))}>{t('admin.suspend')}</button>
                : <button type="button" className="btn btn-small" onClick={() => act(() => admin.reactivate(m.id))}>{t('admin.reactivate')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {members.data ? <Pager page={members.data.page} onPage={setPage} /> : null}
    </div>
  );
}
