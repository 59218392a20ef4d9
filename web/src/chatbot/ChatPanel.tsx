import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ask, type Channel, type Citation, type Done, type Refusal } from '../api/chatbot';
import { ErrorBox } from '../components/common';
import { useI18n } from '../i18n/i18n';

interface Turn {
  question: string; answer: string; citations: Citation[]; refusal: Refusal | null; mode: Done['mode'] | null;
  error: unknown; streaming: boolean;
}

/**
 * The chatbot: a question goes to rag-service and the answer streams in (SSE over fetch), then its
 * citations. "Not found" is said plainly (mode NO_ANSWER, no citation). Enter sends, Shift+Enter is a new
 * line, Escape stops a running answer; the answers are announced politely to screen readers.
 */
export function ChatPanel({ channel, courseId, title }: { channel: Channel; courseId?: string; title: string }) {
  const { t } = useI18n();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [question, setQuestion] = useState('');
  const conversation = useRef<string | undefined>(undefined);
  const abort = useRef<AbortController | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const streaming = turns.some((x) => x.streaming);
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => { end.current?.scrollIntoView?.({ block: 'nearest' }); }, [turns]);

  const update = (index: number, change: (turn: Turn) => Turn) =>
    setTurns((all) => all.map((turn, i) => (i === index ? change(turn) : turn)));

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    const text = question.trim();
    if (!text || streaming) return;
    setQuestion('');
    const index = turns.length;
    setTurns((all) => [...all, { question: text, answer: '', citations: [], refusal: null, mode: null, error: null, streaming: true }]);
    const controller = new AbortController();
    abort.current = controller;
    try {
      await ask(channel, { question: text, courseId, conversationId: conversation.current }, {
        onToken: (token) => update(index, (x) => ({ ...x, answer: x.answer + token })),
        onCitations: (citations) => update(index, (x) => ({ ...x, citations })),
        onRefusal: (refusal) => update(index, (x) => ({ ...x, refusal })),
        onDone: (done) => { conversation.current = done.conversationId; update(index, (x) => ({ ...x, mode: done.mode })); },
      }, controller.signal);
    } catch (err) {
      if (!controller.signal.aborted) update(index, (x) => ({ ...x, error: err }));
    } finally {
      update(index, (x) => ({ ...x, streaming: false }));
      abort.current = null;
    }
  };
  const keys = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) { e.preventDefault(); void send(); }
    if (e.key === 'Escape' && streaming) abort.current?.abort();
  };
  const inputId = `chat-${channel}-input`;
  return (
    <section className="chat" aria-label={title} data-testid={`chat-${channel}`}>
      <div className="chat-log" aria-live="polite" aria-busy={streaming}>
        {turns.length === 0 ? <p className="muted">{t(`chat.intro.${channel}`)}</p> : null}
        {turns.map((turn, i) => (
          <div key={i} className="chat-turn">
            <p className="chat-q"><span className="sr-only">{t('chat.you')}: </span>{turn.question}</p>
            <div className="chat-a" data-testid="chat-answer">
              <span className="sr-only">{t('chat.bot')}: </span>
              {turn.refusal ? <p className="alert alert-warn" data-testid="chat-refusal">{turn.refusal.message}</p> : null}
              {turn.answer ? <p className="chat-text">{turn.answer}</p> : turn.streaming ? <p className="muted">{t('chat.thinking')}</p> : null}
              {turn.mode === 'NO_ANSWER' ? <p className="hint" data-testid="chat-not-found">{t('chat.notFound')}</p> : null}
              {turn.citations.length > 0 ? (
                <ol className="citations" data-testid="chat-citations" aria-label={t('chat.sources')}>
                  {turn.citations.map((c) => (
                    <li key={c.number} value={c.number}>
                      <strong>{c.title}</strong>{c.section ? <> · {c.section}</> : null}{c.page ? <> · {t('chat.page', { p: c.page })}</> : null}
                      <blockquote>{c.quote}</blockquote>
                    </li>
                  ))}
                </ol>
              ) : null}
              <ErrorBox error={turn.error} />
            </div>
          </div>
        ))}
        <div ref={end} />
      </div>
      <form className="chat-form" onSubmit={send}>
        <label htmlFor={inputId} className="sr-only">{t('chat.question')}</label>
        <textarea id={inputId} rows={2} maxLength={1000} value={question} placeholder={t('chat.placeholder')}
          onChange={(e) => setQuestion(e.target.value)} onKeyDown={keys} data-testid="chat-input" />
        {streaming ? (
          <button type="button" className="btn" onClick={() => abort.current?.abort()}>{t('chat.stop')}</button>
        ) : (
          <button type="submit" className="btn btn-primary" disabled={!question.trim()} data-testid="chat-send">{t('chat.send')}</button>
        )}
      </form>
      <p className="hint">{t('chat.keys')}</p>
    </section>
  );
}

/** The study assistant on a course page: a button that opens the panel beside the content. */
export function StudyAssistant({ courseId }: { courseId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <aside className={`assistant${open ? ' assistant-open' : ''}`}>
      <button type="button" className="btn btn-primary assistant-toggle" aria-expanded={open} aria-controls="study-assistant"
        onClick={() => setOpen(!open)} data-testid="assistant-toggle">{open ? t('chat.close') : t('chat.studyTitle')}</button>
      {open ? <div id="study-assistant" className="assistant-panel card"><h2>{t('chat.studyTitle')}</h2>
        <ChatPanel channel="study" courseId={courseId} title={t('chat.studyTitle')} /></div> : null}
    </aside>
  );
}
