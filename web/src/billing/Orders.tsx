import { useState, type FormEvent } from 'react';
import { billing, type OrderLine, type OrderView, type RefundQuote, type RefundView } from '../api/billing';
import { download } from '../api/http';
import { ErrorBox, Loading, formatDateTime, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { formatWon } from './payment';

/** 결제 내역: orders with their status and receipts; a refund shows the server's RefundQuote before it is requested. */
export default function Orders() {
  const { t, lang } = useI18n();
  const data = useAsync(async () => {
    const [orders, refunds] = await Promise.all([billing.orders(), billing.refunds()]);
    return { orders, refunds };
  }, []);
  const [error, setError] = useState<unknown>(null);
  // a download: the receipt is the service's own HTML, not a page of this app (its CSP stays strict)
  const receipt = (order: OrderView) => {
    setError(null);
    download(billing.receiptPath(order.id), `receipt-${order.id}.html`, 'text/html').catch(setError);
  };
  if (data.loading && !data.data) return <Loading />;
  const refunds = data.data?.refunds ?? [];
  return (
    <div className="page">
      <h1>{t('orders.title')}</h1>
      <ErrorBox error={data.error ?? error} />
      <div data-testid="orders">
        {data.data?.orders.map((o) => (
          <article key={o.id} className="card" data-testid="order">
            <header className="card-header">
              <h2>{o.orderName}</h2>
              <span className={`tag order-${o.status}`}>{t(`order.${o.status}`)}</span>
            </header>
            <p className="muted">{t('orders.placed')} {formatDateTime(o.createdAt, lang)}{o.paidAt ? <> · {t('orders.paidAt')} {formatDateTime(o.paidAt, lang)}</> : null}
              {' '}· <strong>{formatWon(o.amount, lang)}</strong></p>
            {o.status === 'PAID' ? (
              <p className="row-actions">
                <button type="button" className="btn btn-small" onClick={() => receipt(o)} data-testid="receipt">{t('orders.receipt')}</button>
                {o.receiptUrl ? <a className="btn btn-small btn-ghost" href={o.receiptUrl} target="_blank" rel="noreferrer noopener">{t('orders.cardReceipt')}</a> : null}
              </p>
            ) : null}
            <ul className="plain order-lines">
              {o.lines.map((l) => (
                <OrderLineRow key={l.cohortId} order={o} line={l} refunds={refunds.filter((r) => r.orderId === o.id && r.cohortId === l.cohortId)}
                  onRequested={data.reload} />
              ))}
            </ul>
          </article>
        ))}
      </div>
      {data.data && data.data.orders.length === 0 ? <p className="muted">{t('orders.none')}</p> : null}
    </div>
  );
}

function OrderLineRow({ order, line, refunds, onRequested }: { order: OrderView; line: OrderLine; refunds: RefundView[]; onRequested: () => void }) {
  const { t, lang } = useI18n();
  const [quote, setQuote] = useState<RefundQuote | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = refunds.some((r) => r.status === 'REQUESTED');
  const askQuote = async () => {
    setError(null);
    try { setQuote(await billing.quote(order.id, line.cohortId)); } catch (e) { setError(e); }
  };
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await billing.requestRefund(order.id, line.cohortId, reason.trim());
      setQuote(null);
      onRequested();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <li className="order-line">
      <div><strong>{line.courseTitle}</strong> — {formatWon(line.price, lang)}</div>
      {refunds.map((r) => (
        <p key={r.id} className="muted" data-testid="refund">{t('refund.line', { amount: formatWon(r.amount, lang), status: t(`refund.${r.status}`), at: formatDateTime(r.requestedAt, lang) })}</p>
      ))}
      {order.status === 'PAID' && !open && !quote ? (
        <button type="button" className="btn btn-small" onClick={askQuote} data-testid="refund-quote">{t('refund.ask')}</button>
      ) : null}
      <ErrorBox error={error} />
      {quote ? (
        <form className="card refund-quote" onSubmit={confirm} data-testid="refund-form" aria-labelledby={`q-${line.cohortId}`}>
          <h3 id={`q-${line.cohortId}`}>{t('refund.quoteTitle')}</h3>
          <p className="result-score"><strong data-testid="quote-amount">{formatWon(quote.amount, lang)}</strong> <span className="tag tag-muted">{t(`refund.method.${quote.method}`)}</span></p>
          <p className="hint">{quote.explanation}</p>
          <label className="field"><span>{t('refund.reason')}</span>
            <input required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="refund-reason" /></label>
          <p>
            <button type="submit" className="btn btn-primary" disabled={busy || quote.amount <= 0} data-testid="refund-confirm">{t('refund.confirm')}</button>{' '}
            <button type="button" className="btn" onClick={() => setQuote(null)}>{t('common.cancel')}</button>
          </p>
          {quote.amount <= 0 ? <p className="muted">{t('refund.nothing')}</p> : null}
        </form>
      ) : null}
    </li>
  );
}
