import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { auth } from '../api/endpoints';
import { session } from '../api/session';
import { ErrorBox, Loading, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';

export function SignUp() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const terms = useAsync(() => auth.terms(), []);
  const [form, setForm] = useState({ email: '', password: '', name: '', phone: '' });
  const [agreed, setAgreed] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const all = terms.data ?? [];
  const requiredMissing = all.some((term) => term.required && !agreed[term.code]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.signUp({
        email: form.email.trim(), password: form.password, name: form.name.trim(), phone: form.phone.replace(/[^0-9]/g, ''),
        agreedTerms: all.filter((term) => agreed[term.code]).map((term) => ({ code: term.code, version: term.version })),
      });
      session.store(await auth.logIn(form.email.trim(), form.password));
      navigate('/me?welcome=1', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const field = (key: keyof typeof form, type: string, autoComplete: string) => (
    <label className="field"><span>{t(`field.${key}`)}</span>
      <input type={type} name={key} autoComplete={autoComplete} required value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })} /></label>
  );
  return (
    <div className="page narrow">
      <h1>{t('signup.title')}</h1>
      <form className="form card" onSubmit={submit}>
        {field('email', 'email', 'username')}
        {field('password', 'password', 'new-password')}
        <p className="hint">{t('signup.passwordHint')}</p>
        {field('name', 'text', 'name')}
        {field('phone', 'tel', 'tel')}
        <fieldset className="terms">
          <legend>{t('signup.terms')}</legend>
          {terms.loading ? <Loading /> : null}
          <label className="check"><input type="checkbox" checked={all.length > 0 && all.every((term) => agreed[term.code])}
            onChange={(e) => setAgreed(Object.fromEntries(all.map((term) => [term.code, e.target.checked])))} data-testid="agree-all" />
            <strong>{t('signup.agreeAll')}</strong></label>
          {all.map((term) => (
            <label key={term.code} className="check">
              <input type="checkbox" checked={!!agreed[term.code]} onChange={(e) => setAgreed({ ...agreed, [term.code]: e.target.checked })} />
              <span>{term.title} ({term.required ? t('signup.required') : t('signup.optional')}) · v{term.version}</span>
            </label>
          ))}
        </fieldset>
        <ErrorBox error={error || terms.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || requiredMissing}>{t('signup.submit')}</button>
        <p className="muted center">{t('signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link></p>
      </form>
    </div>
  );
}
