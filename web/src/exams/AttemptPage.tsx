import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { exams, type AttemptQuestion, type AttemptView } from '../api/exams';
import { ErrorBox, Loading, formatDateTime } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { formatCountdown, secondsLeft, sequence, serverOffset } from './clock';

type Answer = { choices?: number[]; text?: string };
type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Taking an exam or an assignment: the countdown to the server's deadline, answers saved as they are
 * given (a sequence number per save; the server keeps the highest), submit — by hand, or automatically
 * at 0 — and, once graded, the result with the marking and 해설.
 */
export default function AttemptPage() {
  const { attemptId = '' } = useParams();
  const { t, lang } = useI18n();
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [offset, setOffset] = useState(0);
  const [left, setLeft] = useState<number | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const nextSeq = useRef(sequence());
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timers = useRef<Record<string, number>>({});
  const submitted = useRef(false);

  const load = useCallback(async () => {
    try {
      const view = await exams.attempt(attemptId);
      const localNow = Date.now();
      setOffset(serverOffset(view.serverTime, localNow));
      setAttempt(view);
      const initial: Record<string, Answer> = {};
      view.items.forEach((q) => { if (q.answer) initial[q.itemId] = { choices: q.answer.choices, text: q.answer.text ?? undefined }; });
      if (view.text) initial[view.id] = { text: view.text.text ?? '' };
      setAnswers(initial);
      submitted.current = view.status !== 'IN_PROGRESS';
    } catch (err) {
      setError(err);
    }
  }, [attemptId]);
  useEffect(() => { void load(); }, [load]);

  /** Saves go out one after another, each with a higher sequence number. */
  const save = useCallback((partId: string, answer: Answer) => {
    const seq = nextSeq.current();
    setSaveState('saving');
    const job = chain.current.then(() => exams.save(attemptId, partId, { seq, ...answer }))
      .then((result) => {
        setOffset(serverOffset(result.serverTime, Date.now()));
        setSaveState('saved');
        setSavedAt(result.serverTime);
      }, (err: unknown) => { setSaveState('error'); setError(err); });
    chain.current = job;
    return job;
  }, [attemptId]);

  const change = (partId: string, answer: Answer, debounce: boolean) => {
    setAnswers((a) => ({ ...a, [partId]: answer }));
    window.clearTimeout(timers.current[partId]);
    if (debounce) {
      timers.current[partId] = window.setTimeout(() => { delete timers.current[partId]; void save(partId, answer); }, 700);
    } else {
      void save(partId, answer);
    }
  };

  const flush = useCallback(async (current: Record<string, Answer>) => {
    for (const [partId, timer] of Object.entries(timers.current)) {
      window.clearTimeout(timer);
      delete timers.current[partId];
      if (current[partId]) void save(partId, current[partId]);
    }
    await chain.current;
  }, [save]);

  const submit = useCallback(async (auto: boolean) => {
    if (submitted.current) return;
    submitted.current = true;
    setSubmitting(true);
    setConfirming(false);
    try {
      if (!auto) await flush(answers);
      else await flush(answers).catch(() => undefined);
      setAttempt(await exams.submit(attemptId));
    } catch (err) {
      // the server's sweep may have submitted it at the deadline already: show what it holds
      setError(auto ? null : err);
      await load();
    } finally {
      setSubmitting(false);
    }
  }, [answers, attemptId, flush, load]);

  useEffect(() => {
    if (!attempt || attempt.status !== 'IN_PROGRESS') return;
    const tick = () => {
      const seconds = secondsLeft(attempt.deadline, offset, Date.now());
      setLeft(seconds);
      if (seconds === 0) void submit(true);
    };
    tick();
    const id = window.setInterval(tick, 250);
    return () => window.clearInterval(id);
  }, [attempt, offset, submit]);

  if (!attempt) return <div className="page">{error ? <ErrorBox error={error} /> : <Loading />}</div>;
  const open = attempt.status === 'IN_PROGRESS';
  const assignment = attempt.kind === 'ASSIGNMENT';
  const warn = left !== null && left <= 60;
  return (
    <div className="page exam-page">
      <nav className="crumbs" aria-label={t('common.breadcrumb')}><Link to="/exams">{t('exams.title')}</Link> › {attempt.title}</nav>
      <header className="exam-head">
        <div>
          <h1>{attempt.title}</h1>
          <p className="muted">{t(`exams.kind.${attempt.kind}`)} · {t('exams.attemptNo', { n: attempt.attemptNo })} ·
            {' '}{t('exams.deadline')} {formatDateTime(attempt.deadline, lang)}</p>
        </div>
        {open ? (
          <div className={`exam-timer${warn ? ' exam-timer-warn' : ''}`} role="timer" aria-label={t('exams.timeLeft')} data-testid="exam-timer">
            <span className="muted">{t('exams.timeLeft')}</span>
            <strong>{left === null ? '--:--' : formatCountdown(left)}</strong>
          </div>
        ) : null}
      </header>
      {open ? (
        <p className="save-state" role="status" aria-live="polite" data-testid="save-state">
          {saveState === 'saving' ? t('exams.saving') : saveState === 'saved' ? t('exams.savedAt', { at: formatDateTime(savedAt, lang) })
            : saveState === 'error' ? t('exams.saveFailed') : t('exams.autosaveHint')}
        </p>
      ) : null}
      {warn && open ? <p className="alert alert-warn" role="alert">{t('exams.lastMinute')}</p> : null}
      <ErrorBox error={error} />
      {!open ? <ResultPanel attempt={attempt} /> : null}

      <ol className="questions">
        {attempt.items.map((q) => (
          <li key={q.itemId} className="question card" data-testid="question">
            <QuestionView q={q} answer={answers[q.itemId]} disabled={!open}
              onChange={(answer, debounce) => change(q.itemId, answer, debounce)} />
          </li>
        ))}
      </ol>
      {assignment ? <AssignmentPart attempt={attempt} text={answers[attempt.id]?.text ?? ''} open={open}
        onText={(text) => change(attempt.id, { text }, true)} onUploaded={load} onError={setError} /> : null}

      {open ? (
        <div className="exam-actions">
          {confirming ? (
            <div className="alert alert-warn" role="alertdialog" aria-labelledby="confirm-submit">
              <p id="confirm-submit">{t('exams.confirmSubmit')}</p>
              <button type="button" className="btn btn-primary" onClick={() => submit(false)} disabled={submitting} data-testid="confirm-submit"
                autoFocus>{t('exams.submit')}</button>{' '}
              <button type="button" className="btn" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
            </div>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)} disabled={submitting} data-testid="submit">
              {t('exams.submit')}</button>
          )}
        </div>
      ) : null}
    </div>
  );
}

function QuestionView({ q, answer, disabled, onChange }: {
  q: AttemptQuestion; answer: Answer | undefined; disabled: boolean; onChange: (a: Answer, debounce: boolean) => void;
}) {
  const { t } = useI18n();
  const chosen = answer?.choices ?? [];
  const name = `q-${q.itemId}`;
  return (
    <fieldset disabled={disabled}>
      <legend><span className="question-no">{q.position}.</span> {q.stem} <span className="muted">({t('exams.points', { p: q.points })})</span></legend>
      {q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE' ? (
        <div className="options">
          {q.choices.map((c, i) => {
            const number = i + 1;
            const single = q.type === 'SINGLE_CHOICE';
            const checked = chosen.includes(number);
            const correct = q.marking?.correctChoices.includes(number);
            return (
              <label key={number} className={`option${q.marking ? (correct ? ' option-correct' : checked ? ' option-wrong' : '') : ''}`}>
                <input type={single ? 'radio' : 'checkbox'} name={name} checked={checked} data-testid="choice"
                  onChange={() => onChange({ choices: single ? [number] : (checked ? chosen.filter((n) => n !== number) : [...chosen, number].sort()) }, false)} />
                <span>{number}) {c}</span>
              </label>
            );
          })}
        </div>
      ) : q.type === 'SHORT_ANSWER' ? (
        <label className="field"><span className="sr-only">{t('exams.yourAnswer')}</span>
          <input value={answer?.text ?? ''} maxLength={500} onChange={(e) => onChange({ text: e.target.value }, true)} data-testid="short-answer" /></label>
      ) : (
        <label className="field"><span className="sr-only">{t('exams.yourAnswer')}</span>
          <textarea rows={6} value={answer?.text ?? ''} maxLength={20000} onChange={(e) => onChange({ text: e.target.value }, true)} data-testid="essay" /></label>
      )}
      {q.marking ? (
        <div className="marking" data-testid="marking">
          <p><strong>{t('exams.earned', { p: Number(q.marking.points), max: q.points })}</strong>
            {q.marking.correctChoices.length > 0 ? <> · {t('exams.correctChoices', { c: q.marking.correctChoices.join(', ') })}</> : null}
            {q.marking.acceptedAnswers.length > 0 ? <> · {t('exams.accepted', { a: q.marking.acceptedAnswers.join(', ') })}</> : null}</p>
          {q.marking.feedback ? <p>{t('exams.feedback')}: {q.marking.feedback}</p> : null}
          {q.marking.explanation ? <p className="explanation" data-testid="explanation"><strong>{t('exams.explanation')}</strong> {q.marking.explanation}</p> : null}
        </div>
      ) : null}
    </fieldset>
  );
}

function AssignmentPart({ attempt, text, open, onText, onUploaded, onError }: {
  attempt: AttemptView; text: string; open: boolean; onText: (text: string) => void; onUploaded: () => void; onError: (e: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const [uploading, setUploading] = useState(false);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    try {
      await exams.uploadFile(attempt.id, file);
      onUploaded();
    } catch (err) {
      onError(err);
    } finally {
      setUploading(false);
    }
  };
  return (
    <section className="card assignment">
      <h2>{t('exams.assignmentText')}</h2>
      <label className="field"><span className="sr-only">{t('exams.assignmentText')}</span>
        <textarea rows={10} value={text} disabled={!open} maxLength={20000} onChange={(e) => onText(e.target.value)} data-testid="assignment-text" /></label>
      <h3>{t('exams.files')}</h3>
      <ul className="plain" data-testid="assignment-files">
        {attempt.files.map((f) => <li key={f.id}>📎 {f.fileName} <span className="muted">({Math.ceil(f.size / 1024)} KB · {formatDateTime(f.uploadedAt, lang)})</span></li>)}
        {attempt.files.length === 0 ? <li className="muted">{t('common.none')}</li> : null}
      </ul>
      {open ? (
        <label className="field"><span>{t('exams.addFile')}</span>
          <input type="file" disabled={uploading} data-testid="assignment-file"
            accept=".pdf,.hwp,.hwpx,.docx,.xlsx,.pptx,.txt,.zip,.png,.jpg"
            onChange={(e) => { void pick(e.target.files?.[0]); e.target.value = ''; }} />
          <span className="hint">{t('exams.fileHint')}</span></label>
      ) : null}
    </section>
  );
}

function ResultPanel({ attempt }: { attempt: AttemptView }) {
  const { t, lang } = useI18n();
  return (
    <section className="card result" data-testid="result">
      <h2>{t('exams.result')}</h2>
      <p>{t('exams.submittedAt', { at: formatDateTime(attempt.submittedAt, lang) })}
        {attempt.autoSubmitted ? <> · <span className="tag tag-warn" data-testid="auto-submitted">{t('exams.autoSubmitted')}</span></> : null}
        {attempt.onTime === false ? <> · <span className="tag tag-warn">{t('exams.late')}</span></> : null}</p>
      {attempt.result ? (
        <p className="result-score" data-testid="result-score">
          <strong>{t('exams.score', { score: Number(attempt.result.score).toFixed(2) })}</strong>{' '}
          <span className={`tag ${attempt.result.passed ? 'status-ACTIVE' : 'tag-warn'}`}>{t(attempt.result.passed ? 'exams.passed' : 'exams.failed')}</span>
          {attempt.result.reason ? <span className="muted"> · {t(`exams.reason.${attempt.result.reason}`)}</span> : null}
          {attempt.result.feedback ? <><br />{t('exams.feedback')}: {attempt.result.feedback}</> : null}
        </p>
      ) : <p className="muted" data-testid="grading-pending">{t('exams.gradingPending')}</p>}
    </section>
  );
}
