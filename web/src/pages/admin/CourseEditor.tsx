import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { admin } from '../../api/endpoints';
import type { Lesson } from '../../api/types';
import { ErrorBox, Loading, formatDate, useAsync } from '../../components/common';
import { useI18n } from '../../i18n/i18n';

function seoulDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
}

function CueQuizzes({ lesson, onError }: { lesson: Lesson; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const quizzes = useAsync(() => admin.cueQuizzes(lesson.id), [lesson.id]);
  const [form, setForm] = useState({ atSecond: '5', question: '', options: '', correctOption: '0', explanation: '' });
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await admin.addCueQuiz(lesson.id, {
        atSecond: Number(form.atSecond), question: form.question.trim(),
        options: form.options.split('\n').map((o) => o.trim()).filter(Boolean), correctOption: Number(form.correctOption), explanation: form.explanation,
      });
      setForm({ ...form, question: '', options: '' });
      quizzes.reload();
    } catch (err) { onError(err); }
  };
  return (
    <div className="cue-quizzes">
      <h5>{t('admin.cueQuizzes')}</h5>
      <ul className="plain">
        {quizzes.data?.map((q) => (
          <li key={q.id}>{t('admin.atSecond', { s: q.atSecond })} · {q.question}
            <button type="button" className="btn btn-small btn-ghost" onClick={() => admin.removeCueQuiz(q.id).then(quizzes.reload, onError)}>{t('admin.remove')}</button></li>
        ))}
      </ul>
      <form className="form grid-form" onSubmit={add}>
        <label className="field"><span>{t('admin.cueAt')}</span><input type="number" min={0} required value={form.atSecond} onChange={(e) => setForm({ ...form, atSecond: e.target.value })} data-testid="cue-at" /></label>
        <label className="field"><span>{t('admin.question')}</span><input required maxLength={1000} value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })} data-testid="cue-question" /></label>
        <label className="field wide"><span>{t('admin.optionsPerLine')}</span><textarea rows={3} required value={form.options} onChange={(e) => setForm({ ...form, options: e.target.value })} data-testid="cue-options" /></label>
        <label className="field"><span>{t('admin.correctOption')}</span><input type="number" min={0} max={5} required value={form.correctOption} onChange={(e) => setForm({ ...form, correctOption: e.target.value })} data-testid="cue-correct" /></label>
        <button type="submit" className="btn btn-small" data-testid="cue-add">{t('admin.addCueQuiz')}</button>
      </form>
    </div>
  );
}

export function CourseEditor() {
  const { courseId = '' } = useParams();
  const { t, lang } = useI18n();
  const outline = useAsync(() => admin.course(courseId), [courseId]);
  const cohorts = useAsync(() => admin.cohorts({ courseId, page: 0 }), [courseId]);
  const [error, setError] = useState<unknown>(null);
  const [subjectTitle, setSubjectTitle] = useState('');
  const [lessonForm, setLessonForm] = useState<Record<string, { title: string; video: string; recognised: string }>>({});
  const [cohort, setCohort] = useState({ name: '', studyFrom: seoulDate(0), studyTo: seoulDate(30), capacity: '30', instructorIds: '' });
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try { await work(); outline.reload(); cohorts.reload(); } catch (e) { setError(e); }
  };
  if (outline.loading && !outline.data) return <Loading />;
  if (!outline.data) return <ErrorBox error={outline.error} />;
  const { course, subjects } = outline.data;
  const addSubject = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => { await admin.addSubject(courseId, subjectTitle.trim(), subjects.length); setSubjectTitle(''); });
  };
  const addLesson = (subjectId: string, position: number) => (e: FormEvent) => {
    e.preventDefault();
    const f = lessonForm[subjectId];
    void act(() => admin.addLesson(subjectId, { title: f.title.trim(), position, vimeoVideoId: f.video.trim(), recognisedSeconds: Number(f.recognised) }));
  };
  const createCohort = (e: FormEvent) => {
    e.preventDefault();
    void act(() => admin.createCohort(courseId, {
      name: cohort.name.trim(), studyFrom: cohort.studyFrom, studyTo: cohort.studyTo, enrollmentFrom: cohort.studyFrom,
      enrollmentTo: cohort.studyTo, capacity: Number(cohort.capacity),
      instructorIds: cohort.instructorIds.split(/[\s,]+/).filter(Boolean),
    }));
  };
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('common.breadcrumb')}><Link to="/admin/courses">{t('admin.courses')}</Link> › {course.title}</nav>
      <header className="section-head">
        <h1>{course.title} <span className="tag" data-testid="course-status">{t(`courseStatus.${course.status}`)}</span></h1>
        <div className="row-actions">
          {course.status !== 'PUBLISHED' ? <button type="button" className="btn btn-primary" onClick={() => act(() => admin.publish(courseId))} data-testid="publish">{t('admin.publish')}</button> : null}
          {course.status === 'PUBLISHED' ? <button type="button" className="btn" onClick={() => act(() => admin.archive(courseId))}>{t('admin.archive')}</button> : null}
        </div>
      </header>
      <ErrorBox error={error} />
      <section className="card">
        <h2>{t('course.curriculum')}</h2>
        {subjects.map((s) => {
          const f = lessonForm[s.id] ?? { title: '', video: '', recognised: '600' };
          const setF = (patch: Partial<typeof f>) => setLessonForm({ ...lessonForm, [s.id]: { ...f, ...patch } });
          return (
            <details key={s.id} className="accordion" open>
              <summary>{s.title} <span className="muted">({s.lessons.length})</span></summary>
              <ol className="plain">
                {s.lessons.map((l) => (
                  <li key={l.id} className="lesson-edit">
                    <div className="row-actions">
                      <strong>{l.title}</strong>
                      <span className="muted">Vimeo {l.vimeoVideoId ?? '—'} · {t('admin.duration', { s: l.durationSeconds ?? 0 })} · {t('admin.recognisedS', { s: l.recognisedSeconds ?? 0 })}</span>
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => act(() => admin.removeLesson(l.id))}>{t('admin.remove')}</button>
                    </div>
                    <CueQuizzes lesson={l} onError={setError} />
                  </li>
                ))}
              </ol>
              <form className="form grid-form" onSubmit={addLesson(s.id, s.lessons.length)}>
                <label className="field"><span>{t('admin.lessonTitle')}</span><input required maxLength={200} value={f.title} onChange={(e) => setF({ title: e.target.value })} data-testid="lesson-title" /></label>
                <label className="field"><span>{t('admin.vimeoId')}</span><input required pattern="[0-9]+" maxLength={20} value={f.video} onChange={(e) => setF({ video: e.target.value })} data-testid="lesson-video" /></label>
                <label className="field"><span>{t('admin.recognisedSeconds')}</span><input type="number" min={1} required value={f.recognised} onChange={(e) => setF({ recognised: e.target.value })} data-testid="lesson-recognised" /></label>
                <button type="submit" className="btn btn-small" data-testid="lesson-add">{t('admin.addLesson')}</button>
              </form>
            </details>
          );
        })}
        <form className="form inline-form" onSubmit={addSubject}>
          <label className="field grow"><span>{t('admin.subjectTitle')}</span><input required maxLength={200} value={subjectTitle} onChange={(e) => setSubjectTitle(e.target.value)} data-testid="subject-title" /></label>
          <button type="submit" className="btn" data-testid="subject-add">{t('admin.addSubject')}</button>
        </form>
      </section>
      <section className="card">
        <h2>{t('course.cohorts')}</h2>
        <table className="table">
          <thead><tr><th>{t('admin.cohort')}</th><th>{t('course.studyPeriod')}</th><th>{t('course.capacityLabel')}</th><th /></tr></thead>
          <tbody>
            {cohorts.data?.items.map((c) => (
              <tr key={c.id}><td>{c.name}</td><td>{formatDate(c.studyFrom, lang)} ~ {formatDate(c.studyTo, lang)}</td><td>{c.capacity}</td>
                <td><Link className="btn btn-small" to={`/admin/cohorts/${c.id}`}>{t('admin.enrollments')}</Link></td></tr>
            ))}
          </tbody>
        </table>
        <form className="form grid-form" onSubmit={createCohort}>
          <label className="field"><span>{t('admin.cohortName')}</span><input required maxLength={50} value={cohort.name} onChange={(e) => setCohort({ ...cohort, name: e.target.value })} data-testid="cohort-name" /></label>
          <label className="field"><span>{t('admin.studyFrom')}</span><input type="date" required value={cohort.studyFrom} onChange={(e) => setCohort({ ...cohort, studyFrom: e.target.value })} /></label>
          <label className="field"><span>{t('admin.studyTo')}</span><input type="date" required value={cohort.studyTo} onChange={(e) => setCohort({ ...cohort, studyTo: e.target.value })} /></label>
          <label className="field"><span>{t('course.capacityLabel')}</span><input type="number" min={1} required value={cohort.capacity} onChange={(e) => setCohort({ ...cohort, capacity: e.target.value })} /></label>
          <label className="field wide"><span>{t('admin.instructorIds')}</span><input value={cohort.instructorIds} onChange={(e) => setCohort({ ...cohort, instructorIds: e.target.value })} data-testid="cohort-instructors" /></label>
          <button type="submit" className="btn btn-primary" data-testid="cohort-create">{t('admin.createCohort')}</button>
        </form>
      </section>
    </div>
  );
}
