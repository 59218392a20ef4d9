import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { catalog, learning } from '../api/endpoints';
import { ApiError } from '../api/http';
import type { LessonProgress, QuizQuestion } from '../api/types';
import { ErrorBox, Loading, ProgressBar, formatDate, formatMinutes, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';
import { lockStates } from '../pages/EnrollmentLessons';
import { verifyIdentity } from '../pages/MyPage';
import { chooseSource } from './backends';
import { PlayerController, readGrant, type GrantClaims, type PlayerView } from './controller';

const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

/** The classroom player: lesson list on the left, the video with its overlays, progress below. */
export default function PlayerPage() {
  const { enrollmentId = '', lessonId = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const context = useAsync(async () => {
    const [courses, lessons] = await Promise.all([learning.myCourses(), learning.lessons(enrollmentId)]);
    const course = courses.find((c) => c.enrollmentId === enrollmentId) ?? null;
    const outline = course ? await catalog.outline(course.courseId) : null;
    return { course, lessons, outline };
  }, [enrollmentId]);
  const stage = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<PlayerController | null>(null);
  const [view, setView] = useState<PlayerView | null>(null);
  const [grant, setGrant] = useState<GrantClaims | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [quizzes, setQuizzes] = useState<QuizQuestion[]>([]);
  const [round, setRound] = useState(0); // a new try after 본인인증 (STEP_UP_REQUIRED at the grant)
  const [verifying, setVerifying] = useState(false);

  const lessons = context.data?.lessons ?? [];
  const lesson = lessons.find((l) => l.lessonId === lessonId) ?? null;
  const outlineLesson = context.data?.outline?.subjects.flatMap((s) => s.lessons).find((l) => l.id === lessonId) ?? null;
  const index = lessons.findIndex((l) => l.lessonId === lessonId);
  const next: LessonProgress | null = index >= 0 && index + 1 < lessons.length ? lessons[index + 1] : null;

  useEffect(() => {
    if (!context.data || !stage.current) return;
    const player = new PlayerController();
    let live = true;
    setOpenError(null);
    setView(null);
    const unsubscribe = player.subscribe((v) => live && setView(v));
    (async () => {
      // a 503 (the gateway's Retry-After) or a grant the timed-out first try already used: a new grant
      for (let attempt = 1; ; attempt++) {
        const opened = await learning.openLesson(enrollmentId, lessonId);
        const claims = readGrant(opened.grant);
        const questions = await learning.quizzes(enrollmentId, lessonId).catch(() => [] as QuizQuestion[]);
        if (!live || !stage.current) return;
        setGrant(claims);
        setQuizzes(questions);
        const cues = claims?.cues ?? questions.map((q) => ({ id: q.id, at: q.atSecond, passed: q.passed }));
        try {
          await player.start(stage.current, opened.grant, chooseSource(opened.videoId, outlineLesson?.thumbnailUrl), cues);
          break;
        } catch (error) {
          const retry = error instanceof ApiError && (error.status === 503 || error.code === 'GRANT_ALREADY_USED');
          if (!retry || attempt >= 3) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        }
      }
      if (live) setController(player);
    })().catch((e: unknown) => live && setOpenError(e));
    return () => {
      live = false;
      unsubscribe();
      setController(null);
      void player.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [context.data, enrollmentId, lessonId, round]);

  const stepUpNeeded = openError instanceof ApiError && openError.code === 'STEP_UP_REQUIRED';
  const verifyAndRetry = async () => {
    setVerifying(true);
    try {
      await verifyIdentity();
      setRound((r) => r + 1);
    } catch (e) {
      setOpenError(e);
    } finally {
      setVerifying(false);
    }
  };

  if (context.loading && !context.data) return <Loading />;
  if (!context.data) return <div className="page"><ErrorBox error={context.error} /></div>;
  const locks = lockStates(lessons);
  const quiz = view?.quiz ? quizzes.find((q) => q.id === view.quiz?.cueId) ?? null : null;

  return (
    <div className="player-layout">
      <aside className="lesson-list" aria-label={t('player.lessons')}>
        <Link to={`/classroom/${enrollmentId}`} className="muted">← {context.data.course?.courseTitle}</Link>
        <ol>
          {lessons.map((l, i) => (
            <li key={l.lessonId} className={l.lessonId === lessonId ? 'current' : ''}>
              <Link to={`/classroom/${enrollmentId}/lessons/${l.lessonId}`} aria-current={l.lessonId === lessonId ? 'page' : undefined}>
                <span>{locks[i] ? '🔒 ' : l.completed ? '✓ ' : ''}{l.title}</span>
                <small className="muted">{l.percent}%</small>
              </Link>
            </li>
          ))}
        </ol>
      </aside>
      <section className="player-main">
        <h1 className="player-title">{lesson?.title ?? outlineLesson?.title}</h1>
        <ErrorBox error={openError} />
        {stepUpNeeded ? (
          <p><button type="button" className="btn btn-primary" onClick={verifyAndRetry} disabled={verifying} data-testid="step-up-verify">
            {t('player.stepUpVerify')}</button> <span className="muted">{t('player.stepUpHint')}</span></p>
        ) : null}
        <div className="player-stage">
          <div ref={stage} className="player-media" data-testid="player-media" />
          {!view?.ready && !openError ? <div className="overlay overlay-soft"><Loading /></div> : null}
          {view?.quiz && controller ? (
            <QuizOverlay key={view.quiz.cueId} question={quiz} enrollmentId={enrollmentId} lessonId={lessonId}
              cueId={view.quiz.cueId} controller={controller} />
          ) : null}
          {view?.identity && controller ? <IdentityOverlay view={view} controller={controller} /> : null}
          {view?.terminated ? (
            <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="terminated-title" data-testid="terminated">
              <div className="overlay-box">
                <h2 id="terminated-title">{t('player.terminated')}</h2>
                <p data-testid="terminated-reason">{t(`player.reason.${view.terminated}`)}</p>
                <button type="button" className="btn btn-primary" onClick={() => navigate(0)}>{t('player.reopen')}</button>
              </div>
            </div>
          ) : null}
        </div>
        {view ? <Controls view={view} controller={controller} /> : null}
        {view?.notice ? (
          <p className="alert alert-warn" role="status" data-testid="player-notice" data-key={view.notice.key}>
            {t(`player.notice.${view.notice.key}`, { value: view.notice.key === 'refused' ? t(`refusal.${view.notice.value}`) : String(view.notice.value ?? '') })}
          </p>
        ) : null}
        <div className="player-facts">
          <dl className="facts">
            <dt>{t('player.progress')}</dt>
            <dd><ProgressBar percent={view?.progressPercent ?? 0} label={t('player.progress')} /> <strong data-testid="lesson-percent">{view?.progressPercent ?? 0}%</strong>
              {view?.completed ? <span className="tag status-ACTIVE">{t('lessons.done')}</span> : null}</dd>
            <dt>{t('player.studyTime')}</dt><dd data-testid="study-time">{formatMinutes(view?.studyMillis ?? 0, t)}</dd>
            <dt>{t('player.lastBeat')}</dt>
            <dd data-testid="last-beat" data-refusal={view?.lastRefusal ?? ''} data-credited={view?.lastCreditedMillis ?? ''}>
              {view?.lastCreditedMillis === null || view?.lastCreditedMillis === undefined ? '—'
                : view.lastRefusal ? t('player.refused', { reason: t(`refusal.${view.lastRefusal}`) })
                  : t('player.credited', { s: (view.lastCreditedMillis / 1000).toFixed(1) })}
            </dd>
            {grant ? <>
              <dt>{t('course.studyPeriod')}</dt><dd>{formatDate(grant.period.from, lang)} ~ {formatDate(grant.period.to, lang)}</dd>
              <dt>{t('player.dailyCap')}</dt><dd>{t('player.dailyCapValue', { used: grant.today.lessons + (grant.today.thisLesson ? 0 : 1), cap: grant.policy.dailyCap })}</dd>
              <dt>{t('player.maxRate')}</dt><dd>{grant.policy.maxRate}×</dd>
            </> : null}
          </dl>
          {next ? <Link className="btn" to={`/classroom/${enrollmentId}/lessons/${next.lessonId}`} data-testid="next-lesson">{t('player.next', { title: next.title })}</Link> : null}
        </div>
      </section>
    </div>
  );
}

function Controls({ view, controller }: { view: PlayerView; controller: PlayerController | null }) {
  const { t } = useI18n();
  const blocked = !!(view.quiz || view.identity || view.terminated);
  return (
    <div className="player-controls">
      {view.playing ? (
        <button type="button" className="btn" onClick={() => controller?.pause()} data-testid="pause">{t('player.pause')}</button>
      ) : (
        <button type="button" className="btn btn-primary" disabled={!view.ready || blocked} onClick={() => controller?.play()} data-testid="play">{t('player.play')}</button>
      )}
      <label className="field inline">
        <span>{t('player.rate')}</span>
        <select value={view.rate} onChange={(e) => controller?.setRate(Number(e.target.value))} data-testid="rate">
          {RATES.filter((r) => r <= view.maxRate || r === view.rate).map((r) => <option key={r} value={r}>{r}×</option>)}
        </select>
      </label>
    </div>
  );
}

function QuizOverlay({ question, enrollmentId, lessonId, cueId, controller }: {
  question: QuizQuestion | null; enrollmentId: string; lessonId: string; cueId: string; controller: PlayerController;
}) {
  const { t } = useI18n();
  const [option, setOption] = useState<number | null>(null);
  const [result, setResult] = useState<'wrong' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (option === null) return;
    setError(null);
    try {
      const outcome = await learning.answerQuiz(enrollmentId, lessonId, cueId, option);
      if (!outcome.correct) { setResult('wrong'); return; }
      await controller.passCue(cueId, outcome.cuePass);
      await controller.play();
    } catch (err) { setError(err); }
  };
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="quiz-title" data-testid="quiz">
      <form className="overlay-box" onSubmit={submit}>
        <p className="eyebrow">{t('quiz.eyebrow')}</p>
        <h2 id="quiz-title">{question?.question ?? t('quiz.loading')}</h2>
        <fieldset className="options">
          <legend className="sr-only">{t('quiz.options')}</legend>
          {question?.options.map((text, i) => (
            <label key={i} className="check option">
              <input type="radio" name="option" value={i} checked={option === i} onChange={() => setOption(i)} />
              <span>{text}</span>
            </label>
          ))}
        </fieldset>
        {result === 'wrong' ? <p className="alert alert-error" role="alert" data-testid="quiz-wrong">{t('quiz.wrong')}</p> : null}
        <ErrorBox error={error} />
        <button type="submit" className="btn btn-primary" disabled={option === null} data-testid="quiz-submit">{t('quiz.submit')}</button>
      </form>
    </div>
  );
}

function IdentityOverlay({ view, controller }: { view: PlayerView; controller: PlayerController }) {
  const { t } = useI18n();
  const identity = view.identity!;
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      if (identity.challengeKind === 'STEP_UP') await verifyIdentity();
      await controller.answerIdentity(identity.challengeId, identity.challengeKind === 'STEP_UP' ? null : code.trim());
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idcheck-title" data-testid="identity-check">
      <form className="overlay-box" onSubmit={submit}>
        <h2 id="idcheck-title">{t('idcheck.title')}</h2>
        {identity.challengeKind === 'PRESENCE_CODE' ? (
          <>
            <p>{t('idcheck.presence')}</p>
            <p className="presence-code" data-testid="presence-code" aria-label={t('idcheck.code')}>{identity.code}</p>
            <label className="field"><span>{t('idcheck.enter')}</span>
              <input inputMode="numeric" autoComplete="one-time-code" maxLength={12} required value={code}
                onChange={(e) => setCode(e.target.value)} data-testid="presence-input" /></label>
          </>
        ) : <p>{t('idcheck.stepUp')}</p>}
        <ErrorBox error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="identity-submit">
          {identity.challengeKind === 'STEP_UP' ? t('me.verify') : t('idcheck.submit')}</button>
      </form>
    </div>
  );
}
