import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { auth } from '../api/endpoints';
import { decodeClaims, homeOf, session } from '../api/session';
import { ErrorBox } from '../components/common';
import { useI18n } from '../i18n/i18n';

/** A relative in-app path only (never an open redirect). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function Login() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const pair = await auth.logIn(email.trim(), password);
      session.store(pair);
      navigate(safeNext(params.get('next')) ?? homeOf(decodeClaims(pair.accessToken)?.roles ?? []), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page narrow">
      <h1>{t('login.title')}</h1>
      {params.get('expired') ? <p className="alert alert-warn" role="status">{t('login.expired')}</p> : null}
      <form className="form card" onSubmit={submit}>
        <label className="field"><span>{t('field.email')}</span>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} /></label>
        <label className="field"><span>{t('field.password')}</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        <ErrorBox error={error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>{t('login.submit')}</button>
        <p className="muted center">{t('login.noAccount')} <Link to="/signup">{t('nav.signup')}</Link></p>
      </form>
    </div>
  );
}
