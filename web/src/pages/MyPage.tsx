import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { auth } from '../api/endpoints';
import { session } from '../api/session';
import { Card, ErrorBox, Loading, formatDate, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';

/** 본인인증 through the provider (the sandbox locally): the fresh tokens carry idv_at. */
export async function verifyIdentity(): Promise<void> {
  const started = await auth.startIdentityVerification();
  session.store(await auth.completeIdentityVerification(started.identityVerificationId));
}

export default function MyPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const me = useAsync(() => auth.me(), []);
  const consents = useAsync(() => auth.consents(), []);
  const roleRequests = useAsync(() => auth.roleRequests(), []);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [passwords, setPasswords] = useState({ current: '', next: '' });
  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null); setMessage(null);
    try { await work(); setMessage(t(done)); me.reload(); roleRequests.reload(); } catch (e) { setError(e); }
  };
  const changePassword = (e: FormEvent) => {
    e.preventDefault();
    void act(() => auth.changePassword(passwords.current, passwords.next), 'me.passwordChanged');
  };
  if (me.loading && !me.data) return <Loading />;
  const member = me.data;
  return (
    <div className="page">
      <h1>{t('me.title')}</h1>
      {params.get('welcome') ? <p className="alert alert-ok" role="status">{t('me.welcome')}</p> : null}
      <ErrorBox error={error || me.error} />
      {message ? <p className="alert alert-ok" role="status" data-testid="me-message">{message}</p> : null}
      {member ? (
        <div className="two-col">
          <Card title={t('me.profile')}>
            <dl className="facts">
              <dt>{t('field.name')}</dt><dd>{member.name}</dd>
              <dt>{t('field.email')}</dt><dd>{member.email}</dd>
              <dt>{t('field.phone')}</dt><dd>{member.phone ?? '—'}</dd>
              <dt>{t('me.roles')}</dt><dd>{member.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
              <dt>{t('me.identity')}</dt>
              <dd data-testid="identity-status">{member.identityVerifiedAt ? t('me.verifiedAt', { at: formatDate(member.identityVerifiedAt, lang) }) : t('me.notVerified')}</dd>
            </dl>
            <button type="button" className="btn btn-primary" data-testid="verify-identity"
              onClick={() => act(verifyIdentity, 'me.verified')}>{t('me.verify')}</button>
            <p className="hint">{t('me.verifyHint')}</p>
          </Card>
          <Card title={t('me.password')}>
            <form className="form" onSubmit={changePassword}>
              <label className="field"><span>{t('me.currentPassword')}</span>
                <input type="password" autoComplete="current-password" required value={passwords.current} onChange={(e) => setPasswords({ ...passwords, current: e.target.value })} /></label>
              <label className="field"><span>{t('me.newPassword')}</span>
                <input type="password" autoComplete="new-password" required value={passwords.next} onChange={(e) => setPasswords({ ...passwords, next: e.target.value })} /></label>
              <button type="submit" className="btn">{t('me.changePassword')}</button>
            </form>
          </Card>
          <Card title={t('me.consents')}>
            <ul className="plain">
              {consents.data?.map((c) => <li key={c.termCode + c.recordedAt}>{c.termCode} v{c.termVersion} · {t(`consent.${c.action}`)} · {formatDate(c.recordedAt, lang)}</li>)}
            </ul>
          </Card>
          <Card title={t('me.roleRequest')}>
            <p className="muted">{t('me.roleRequestHint')}</p>
            <button type="button" className="btn" onClick={() => act(() => auth.requestRole('INSTRUCTOR'), 'me.roleRequested')}>{t('me.requestInstructor')}</button>
            <ul className="plain">
              {roleRequests.data?.map((r) => <li key={r.id}>{t(`role.${r.role}`)} · {t(`status.${r.status}`)} · {formatDate(r.requestedAt, lang)}</li>)}
            </ul>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
