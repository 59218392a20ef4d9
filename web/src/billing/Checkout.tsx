import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { billing, type OrderView } from '../api/billing';
import { ErrorBox, Loading, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { formatWon, payInSandbox, payWithPortOne, paymentMode } from './payment';

/**
 * The payment step of an order: PortOne's window in production, the sandbox's own payment card
 * locally; then the server verifies the payment and the order becomes PAID (or says why not).
 */
export default function Checkout() {
  const { orderId = '' } = useParams();
  const { t, lang } = useI18n();
  const loaded = useAsync(() => billing.order(orderId), [orderId]);
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [step, setStep] = useState<'idle' | 'paying' | 'verifying'>('idle');
  const current = order ?? loaded.data;

  const pay = async (fail = false) => {
    if (!current) return;
    setError(null);
    try {
      setStep('paying');
      if (paymentMode === 'portone') await payWithPortOne(current); else await payInSandbox(current, fail);
      setStep('verifying');
      setOrder(await billing.complete(current.id, current.paymentId));
    } catch (e) {
      setError(e);
      loaded.reload();
      setOrder(null);
    } finally {
      setStep('idle');
    }
  };

  if (loaded.loading && !current) return <Loading />;
  if (!current) return <div className="page"><ErrorBox error={loaded.error} /></div>;
  return (
    <div className="page narrow">
      <h1>{t('checkout.title')}</h1>
      <section className="card" data-testid="checkout-order">
        <h2>{current.orderName}</h2>
        <ul className="plain">{current.lines.map((l) => <li key={l.cohortId}>{l.courseTitle} — {formatWon(l.price, lang)}</li>)}</ul>
        <p><strong>{t('cart.total')} {formatWon(current.amount, lang)}</strong> · <span className={`tag order-${current.status}`}
          data-testid="order-status">{t(`order.${current.status}`)}</span></p>
      </section>
      <ErrorBox error={error} />
      {step === 'verifying' ? <p role="status">{t('checkout.verifying')}</p> : null}
      {current.status === 'PAID' ? (
        <p className="alert alert-ok" role="status" data-testid="paid">{t('checkout.paid')} <Link to="/classroom">{t('nav.classroom')}</Link> · <Link to="/orders">{t('nav.orders')}</Link></p>
      ) : current.status === 'PENDING' ? (
        paymentMode === 'sandbox' ? (
          <section className="card sandbox-pay" aria-labelledby="sandbox-title" data-testid="sandbox-pay">
            <h2 id="sandbox-title">{t('checkout.sandboxTitle')}</h2>
            <p className="hint">{t('checkout.sandboxHint')}</p>
            <p>
              <button type="button" className="btn btn-primary" disabled={step !== 'idle'} onClick={() => pay(false)} data-testid="sandbox-approve">
                {t('checkout.sandboxApprove', { amount: formatWon(current.amount, lang) })}</button>{' '}
              <button type="button" className="btn" disabled={step !== 'idle'} onClick={() => pay(true)} data-testid="sandbox-fail">{t('checkout.sandboxFail')}</button>
            </p>
          </section>
        ) : (
          <p><button type="button" className="btn btn-primary" disabled={step !== 'idle'} onClick={() => pay(false)} data-testid="pay">
            {t('checkout.pay', { amount: formatWon(current.amount, lang) })}</button></p>
        )
      ) : <p className="alert alert-warn">{t(`checkout.status.${current.status}`)} <Link to="/cart">{t('nav.cart')}</Link></p>}
    </div>
  );
}
