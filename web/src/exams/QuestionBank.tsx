import { useState } from 'react';
import { admin } from '../api/endpoints';
import { ApiError, download } from '../api/http';
import { questionBank, type ImportReport } from '../api/exams';
import { ErrorBox, Loading, Pager, ProgressBar, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';

/** 문제은행: current items per course, the .xlsx template, and the all-or-nothing import with its per-row report. */
export default function QuestionBank() {
  const { t, lang } = useI18n();
  const courses = useAsync(() => admin.courses({ page: 0 }), []);
  const [courseId, setCourseId] = useState('');
  const [page, setPage] = useState(0);
  const [round, setRound] = useState(0);
  const items = useAsync(() => (courseId ? questionBank.items({ courseId, page }) : Promise.resolve(null)), [courseId, page, round]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);

  const template = () => download(questionBank.templateUrl, 'question-bank-template.xlsx').catch(setError);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setError(null);
    setReport(null);
    try {
      setReport(await questionBank.importSheet(file));
      setRound((r) => r + 1);
    } catch (err) {
      const data = err instanceof ApiError ? (err.data as ImportReport | null) : null;
      if (data && Array.isArray(data.problems)) setReport(data);
      setError(err);
    } finally {
      setUploading(false);
    }
  };
  return (
    <div className="page">
      <h1>{t('bank.title')}</h1>
      <section className="card">
        <h2>{t('bank.import')}</h2>
        <p className="hint">{t('bank.importHint')}</p>
        <p><button type="button" className="btn" onClick={template} data-testid="bank-template">{t('bank.template')}</button></p>
        <label className="field"><span>{t('bank.sheet')}</span>
          <input type="file" accept=".xlsx" disabled={uploading} data-testid="bank-file"
            onChange={(e) => { void importFile(e.target.files?.[0]); e.target.value = ''; }} /></label>
        {uploading ? <><ProgressBar percent={50} label={t('bank.importing')} /><p role="status">{t('bank.importing')}</p></> : null}
        {report?.applied ? (
          <p className="alert alert-ok" role="status" data-testid="bank-imported">{t('bank.imported', { rows: report.rows, created: report.created, unchanged: report.unchanged })}</p>
        ) : null}
        <ErrorBox error={error} />
        {report && !report.applied ? (
          <table className="table" data-testid="bank-problems">
            <caption>{t('bank.problems', { n: report.problems.length })}</caption>
            <thead><tr><th>{t('bank.row')}</th><th>{t('bank.column')}</th><th>{t('bank.code')}</th><th>{t('bank.reason')}</th></tr></thead>
            <tbody>{report.problems.map((p, i) => (
              <tr key={i}><td>{p.row}</td><td>{p.field}</td><td className="mono">{p.code}</td><td>{lang === 'ko' ? p.ko : p.en}</td></tr>
            ))}</tbody>
          </table>
        ) : null}
      </section>
      <section className="card">
        <h2>{t('bank.items')}</h2>
        <label className="field narrow-field"><span>{t('bank.course')}</span>
          <select value={courseId} onChange={(e) => { setCourseId(e.target.value); setPage(0); }} data-testid="bank-course">
            <option value="">{t('bank.chooseCourse')}</option>
            {courses.data?.items.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select></label>
        <ErrorBox error={items.error ?? courses.error} />
        {items.loading && courseId ? <Loading /> : null}
        {items.data ? (
          <>
            <table className="table" data-testid="bank-items">
              <thead><tr><th>{t('bank.type')}</th><th>{t('bank.difficulty')}</th><th>{t('bank.stem')}</th><th>{t('bank.key')}</th><th>{t('bank.points')}</th><th>v</th></tr></thead>
              <tbody>{items.data.items.map((i) => (
                <tr key={i.id}><td>{t(`grading.type.${i.type}`)}</td><td>{t(`bank.level.${i.difficulty}`)}</td><td className="clamp">{i.stem}</td>
                  <td>{i.correctChoices.length ? i.correctChoices.join(', ') : i.acceptedAnswers.join(' / ') || '—'}</td><td>{i.points}</td><td>{i.version}</td></tr>
              ))}</tbody>
            </table>
            {items.data.items.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
            <Pager page={items.data.page} onPage={setPage} />
          </>
        ) : null}
      </section>
    </div>
  );
}
