import { useState, type FormEvent } from 'react';
import { grading, type PendingGrade } from '../api/exams';
import { ErrorBox, Loading, Pager, formatDateTime, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';

function answerText(p: PendingGrade): string {
  const a = p.answer ?? {};
  if (typeof a.text === 'string' && a.text) return a.text;
  if (Array.isArray(a.choices) && a.choices.length > 0) return a.choices.join(', ');
  return '';
}

/** 채점 대기열: essays, unmatched short answers and assignments; by evaluation, item or learner. */
export default function Grading() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(0);
  const [filter, setFilter] = useState<{ evaluationId?: string; itemId?: string; traineeId?: string }>({});
  const queue = useAsync(() => grading.queue({ ...filter, page }), [filter, page]);
  const by = (f: typeof filter) => { setFilter(f); setPage(0); };
  return (
    <div className="page">
      <h1>{t('grading.title')}</h1>
      {Object.keys(filter).length > 0 ? (
        <p className="filters-active">{t('grading.filtered')}{' '}
          <button type="button" className="btn btn-small" onClick={() => by({})}>{t('grading.showAll')}</button></p>
      ) : null}
      <ErrorBox error={queue.error} />
      {queue.loading && !queue.data ? <Loading /> : null}
      <div data-testid="grading-queue">
        {queue.data?.items.map((p) => (
          <GradeCard key={p.attemptId + p.partId} pending={p} lang={lang} onGraded={queue.reload}
            onByItem={() => by({ itemId: p.partId })} onByLearner={() => by({ traineeId: p.traineeId })} />
        ))}
      </div>
      {queue.data && queue.data.items.length === 0 ? <p className="muted" data-testid="grading-empty">{t('grading.empty')}</p> : null}
      {queue.data ? <Pager page={queue.data.page} onPage={setPage} /> : null}
    </div>
  );
}

function GradeCard({ pending, lang, onGraded, onByItem, onByLearner }: {
  pending: PendingGrade; lang: string; onGraded: () => void; onByItem: () => void; onByLearner: () => void;
}) {
  const { t } = useI18n();
  const [points, setPoints] = useState('');
  const [feedback, setFeedback] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await grading.grade(pending.attemptId, pending.partId, { points: Number(points), feedback: feedback.trim() || undefined });
      onGraded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = `${pending.attemptId}-${pending.partId}`;
  return (
    <article className="card grade-card" data-testid="grade-card">
      <header className="card-header">
        <h2>{t(`grading.type.${pending.type}`)} · <span className="muted">{t('grading.maxPoints', { p: pending.maxPoints })}</span></h2>
        <span className="row-actions">
          <button type="button" className="btn btn-small btn-ghost" onClick={onByItem}>{t('grading.byItem')}</button>
          <button type="button" className="btn btn-small btn-ghost" onClick={onByLearner}>{t('grading.byLearner')}</button>
        </span>
      </header>
      <p className="muted">{t('instructor.learner')} <span className="mono">{pending.traineeId}</span> · {t('grading.submitted')} {formatDateTime(pending.submittedAt, lang)}</p>
      <p className="prompt">{pending.prompt}</p>
      <blockquote className="answer" data-testid="grade-answer">{answerText(pending) || <span className="muted">{t('grading.blank')}</span>}</blockquote>
      <ErrorBox error={error} />
      <form className="inline-form" onSubmit={submit}>
        <label className="field narrow-field" htmlFor={`p-${id}`}><span>{t('grading.points')}</span>
          <input id={`p-${id}`} type="number" min={0} max={pending.maxPoints} step="0.5" required value={points}
            onChange={(e) => setPoints(e.target.value)} data-testid="grade-points" /></label>
        <label className="field" htmlFor={`f-${id}`}><span>{t('exams.feedback')}</span>
          <input id={`f-${id}`} value={feedback} maxLength={4000} onChange={(e) => setFeedback(e.target.value)} data-testid="grade-feedback" /></label>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="grade-save">{t('grading.save')}</button>
      </form>
    </article>
  );
}
