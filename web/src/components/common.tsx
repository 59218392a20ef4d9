import { useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ApiError, type PageInfo } from '../api/http';
import { session, type Claims } from '../api/session';
import { useI18n } from '../i18n/i18n';

/** The signed-in user's claims (roles, identity verification), re-read when the tokens change. */
export function useClaims(): Claims | null {
  const token = useSyncExternalStore(session.subscribe, session.accessToken, () => null);
  return token ? session.claims() : null;
}

export interface Async<T> { data: T | null; error: unknown; loading: boolean; reload: () => void }

/** Loads {@code load()} when {@code deps} change; {@code reload} loads again. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then((data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error, loading: false }));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/** The envelope's title and detail, in the language the API was asked for. */
export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  return (
    <div className="alert alert-error" role="alert" data-testid="error">
      <strong>{api ? api.title : t('error.network')}</strong>
      {api?.detail ? <span> — {api.detail}</span> : null}
      {api && api.fieldErrors.length > 0 ? (
        <ul>{api.fieldErrors.map((f) => <li key={f.field + f.code}>{f.field}: {f.message}</li>)}</ul>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

export function Pager({ page, onPage }: { page: PageInfo; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(page.total / Math.max(1, page.size)));
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" className="btn btn-small" disabled={page.page <= 0} onClick={() => onPage(page.page - 1)}>{t('common.prev')}</button>
      <span>{t('common.pageOf', { page: page.page + 1, pages, total: page.total })}</span>
      <button type="button" className="btn btn-small" disabled={page.page + 1 >= pages} onClick={() => onPage(page.page + 1)}>{t('common.next')}</button>
    </nav>
  );
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress" role="progressbar" aria-valuenow={value} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      <div className="progress-fill" style={{ width: `${value}%` }} />
    </div>
  );
}

export function Card({ title, children, actions }: { title?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card">
      {title ? <header className="card-header"><h2>{title}</h2>{actions}</header> : null}
      {children}
    </section>
  );
}

export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? value + 'T00:00:00+09:00' : value);
  return date.toLocaleDateString(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' });
}

/** Date and time in Seoul, e.g. 2026. 12. 3. 오후 3:05. */
export function formatDateTime(value: string | null | undefined, lang: string): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' });
}

export function formatMinutes(millis: number, t: (k: string, v?: Record<string, string | number>) => string): string {
  const seconds = Math.floor(millis / 1000);
  return t('common.minutesSeconds', { m: Math.floor(seconds / 60), s: seconds % 60 });
}
