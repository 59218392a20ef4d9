import { useState } from 'react';
import { billingAdmin, type RefundView } from '../api/billing';
import { ErrorBox, Loading, formatDateTime, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { formatWon } from './payment';

/** 환불·매출 (admin): open refund requests (제23조: within 5 days; overdue filter), approve or reject; revenue by month and course. */
export default function AdminBilling() {
  const { t, lang } = useI18n();
  const [overdue, setOverdue] = useState(false);
  const refunds = useAsync(() => billingAdmin.refunds(overdue), [overdue]);
  const thisYear = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' }).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const revenue = useAsync(() => billingAdmin.revenue(year), [year]);
  const [error, setError] = useState<unknown>(null);
  const decide = async (r: RefundView, approve: boolean) => {
    setError(null);
    try {
      if (approve) await billingAdmin.approve(r.id);
      else {
        const reason = window.prompt(t('adminBilling.rejectReason'));
        if (!reason?.trim()) return;
        await billingAdmin.reject(r.id, reason.trim());
      }
      refunds.reload();
      revenue.reload();
    } catch (e) { setError(e); }
  };
  const total = (revenue.data ?? []).reduce((a, r) => ({ gross: a.gross + r.gross, refunds: a.refunds + r.refunds, net: a.net + r.net }),
    { gross: 0, refunds: 0, net: 0 });
  return (
    <div className="page">
      <h1>{t('adminBilling.title')}</h1>
      <section className="card">
        <header className="card-header"><h2>{t('adminBilling.refunds')}</h2>
          <label className="check"><input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {t('adminBilling.overdue')}</label>
        </header>
        <ErrorBox error={refunds.error ?? error} />
        {refunds.loading && !refunds.data ? <Loading /> : null}
        <table className="table" data-testid="admin-refunds">
          <thead><tr><th>{t('adminBilling.requested')}</th><th>{t('instructor.learner')}</th><th className="num">{t('adminBilling.amount')}</th>
            <th>{t('adminBilling.rule')}</th><th>{t('refund.reason')}</th><th /></tr></thead>
          <tbody>{refunds.data?.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.requestedAt, lang)}</td><td className="mono">{r.accountId}</td><td className="num">{formatWon(r.amount, lang)}</td>
              <td title={r.explanation}>{t(`refund.method.${r.method}`)}</td><td>{r.reason}</td>
              <td className="row-actions">
                <button type="button" className="btn btn-small btn-primary" onClick={() => decide(r, true)} data-testid="refund-approve">{t('adminBilling.approve')}</button>
                <button type="button" className="btn btn-small" onClick={() => decide(r, false)}>{t('adminBilling.reject')}</button>
              </td>
            </tr>
          ))}</tbody>
        </table>
        {refunds.data && refunds.data.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
      </section>
      <section className="card">
        <header className="card-header"><h2>{t('adminBilling.revenue')}</h2>
          <label className="field narrow-field"><span className="sr-only">{t('adminBilling.year')}</span>
            <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {[thisYear, thisYear - 1, thisYear - 2].map((y) => <option key={y} value={y}>{t('adminBilling.yearOf', { y })}</option>)}
            </select></label>
        </header>
        <ErrorBox error={revenue.error} />
        <table className="table" data-testid="admin-revenue">
          <thead><tr><th>{t('adminBilling.month')}</th><th>{t('cart.course')}</th><th className="num">{t('adminBilling.gross')}</th>
            <th className="num">{t('adminBilling.refunded')}</th><th className="num">{t('adminBilling.net')}</th><th className="num">{t('adminBilling.yoy')}</th></tr></thead>
          <tbody>{revenue.data?.map((r) => (
            <tr key={r.month + r.courseId}>
              <td>{r.month.slice(0, 7)}</td><td>{r.courseTitle}</td><td className="num">{formatWon(r.gross, lang)}</td>
              <td className="num">{formatWon(r.refunds, lang)}</td><td className="num">{formatWon(r.net, lang)}</td>
              <td className="num">{r.yoyPercent === null ? '—' : `${r.yoyPercent.toFixed(1)}%`}</td>
            </tr>
          ))}</tbody>
          <tfoot><tr><th colSpan={2}>{t('cart.total')}</th><th className="num">{formatWon(total.gross, lang)}</th>
            <th className="num">{formatWon(total.refunds, lang)}</th><th className="num">{formatWon(total.net, lang)}</th><th /></tr></tfoot>
        </table>
      </section>
    </div>
  );
}
