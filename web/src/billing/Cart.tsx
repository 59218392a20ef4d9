import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { billing } from '../api/billing';
import { ErrorBox, Loading, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { formatWon } from './payment';

/** 장바구니: lines and the total as the server prices them; ordering goes on to the payment step. */
export default function Cart() {
  const { t, lang } = useI18n();
  const cart = useAsync(() => billing.cart(), []);
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async (cohortId: string) => {
    setError(null);
    try { await billing.removeFromCart(cohortId); cart.reload(); } catch (e) { setError(e); }
  };
  const order = async () => {
    setBusy(true);
    setError(null);
    try {
      const placed = await billing.placeOrder();
      navigate(`/checkout/${placed.id}`);
    } catch (e) { setError(e); setBusy(false); }
  };
  if (cart.loading && !cart.data) return <Loading />;
  const lines = cart.data?.lines ?? [];
  return (
    <div className="page narrow">
      <h1>{t('cart.title')}</h1>
      <ErrorBox error={cart.error ?? error} />
      <table className="table" data-testid="cart">
        <thead><tr><th>{t('cart.course')}</th><th className="num">{t('cart.price')}</th><th /></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.cohortId} data-testid="cart-line">
              <td><Link to={`/courses/${l.courseId}`}>{l.courseTitle}</Link></td>
              <td className="num">{formatWon(l.price, lang)}</td>
              <td><button type="button" className="btn btn-small" onClick={() => remove(l.cohortId)}
                aria-label={t('cart.removeOne', { title: l.courseTitle })}>{t('cart.remove')}</button></td>
            </tr>
          ))}
        </tbody>
        <tfoot><tr><th>{t('cart.total')}</th><th className="num" data-testid="cart-total">{formatWon(cart.data?.total ?? 0, lang)}</th><th /></tr></tfoot>
      </table>
      {lines.length === 0 ? <p className="muted">{t('cart.empty')} <Link to="/courses">{t('nav.catalog')}</Link></p> : null}
      <p className="hint">{t('cart.serverPrices')}</p>
      <p><button type="button" className="btn btn-primary" disabled={busy || lines.length === 0} onClick={order} data-testid="place-order">
        {t('cart.order')}</button> <Link to="/orders">{t('nav.orders')}</Link></p>
    </div>
  );
}
