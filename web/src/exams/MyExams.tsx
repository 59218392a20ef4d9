import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/http';
import { exams, type AttemptSummary, type EvaluationSummary } from '../api/exams';
import { ErrorBox, Loading, formatDateTime, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { verifyIdentity } from '../pages/MyPage';
import { evaluationState } from './clock';


/** 시험·과제: the evaluations of my active courses with their state, my attempts and results. */
export default function MyExams() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const data = useAsync(async () => {
    const [evaluations, attempts] = await Promise.all([exams.evaluations(), exams.attempts()]);
    return { evaluations, attempts: attempts.items };
  }, []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [stepUp, setStepUp] = useState<string | null>(null);

  const start = async (e: EvaluationSummary) => {
    setBusy(e.id);
    setError(null);
    try {
      const attempt = await exams.start(e.id);
      navigate(`/exams/attempts/${attempt.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'STEP_UP_REQUIRED') setStepUp(e.id);
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const verifyAndStart = async (e: EvaluationSummary) => {
    try {
      await verifyIdentity();
      setStepUp(null);
      await start(e);
    } catch (err) {
      setError(err);
    }
  };

  if (data.loading && !data.data) return <Loading />;
  const now = Date.now();
  const byEvaluation = new Map<string, AttemptSummary[]>();
  data.data?.attempts.forEach((a) => byEvaluation.set(a.evaluationId, [...(byEvaluation.get(a.evaluationId) ?? []), a]));
  return (
    <div className="page">
      <h1>{t('exams.title')}</h1>
      <ErrorBox error={data.error ?? error} />
      <table className="table" data-testid="evaluations">
        <thead><tr><th>{t('exams.evaluation')}</th><th>{t('exams.kind')}</th><th>{t('exams.window')}</th><th>{t('exams.limit')}</th>
          <th>{t('admin.status')}</th><th>{t('exams.myResult')}</th><th /></tr></thead>
        <tbody>
          {data.data?.evaluations.map((e) => {
            const state = evaluationState(e, now);
            const mine = (byEvaluation.get(e.id) ?? []).sort((a, b) => b.attemptNo - a.attemptNo);
            const last = mine[0];
            const open = last?.status === 'IN_PROGRESS';
            const canStart = state === 'OPEN' && (open || mine.length < e.maxAttempts);
            return (
              <tr key={e.id} data-testid="evaluation-row">
                <td><strong>{e.title}</strong></td>
                <td>{t(`exams.kind.${e.kind}`)}</td>
                <td>{formatDateTime(e.opensAt, lang)} ~ {formatDateTime(e.closesAt, lang)}</td>
                <td>{e.timeLimitSeconds ? t('exams.minutes', { m: Math.round(e.timeLimitSeconds / 60) }) : '—'}</td>
                <td><span className={`tag state-${state}`} data-testid="evaluation-state">{t(`exams.state.${state}`)}</span></td>
                <td>
                  {last ? (
                    <Link to={`/exams/attempts/${last.id}`} data-testid="attempt-link">
                      {last.status === 'GRADED'
                        ? t(last.passed ? 'exams.passedScore' : 'exams.failedScore', { score: Number(last.score).toFixed(2) })
                        : t(`exams.attempt.${last.status}`)}
                    </Link>
                  ) : <span className="muted">{t('exams.notTaken')}</span>}
                </td>
                <td>
                  {canStart ? (
                    <button type="button" className="btn btn-primary btn-small" disabled={busy === e.id} onClick={() => start(e)}
                      data-testid="start-evaluation">{open ? t('exams.resume') : e.kind === 'ASSIGNMENT' ? t('exams.startAssignment') : t('exams.start')}</button>
                  ) : null}
                  {stepUp === e.id ? (
                    <button type="button" className="btn btn-small" onClick={() => verifyAndStart(e)} data-testid="step-up">{t('exams.verifyAndStart')}</button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data.data && data.data.evaluations.length === 0 ? <p className="muted">{t('exams.none')}</p> : null}
      <p className="hint">{t('exams.clockHint')}</p>
    </div>
  );
}
