// rag-service's chatbot: POST a question, read the text/event-stream answer with fetch + ReadableStream
// (EventSource cannot POST or send the bearer token). Events: token*, citations, done — or refusal, done.
import { ApiError, authorizedFetch } from './http';

export type Channel = 'support' | 'study';
export interface Citation {
  number: number; documentId: string; title: string; courseId: string | null; lessonId: string | null;
  page: number | null; section: string | null; quote: string;
}
export interface Refusal { code: string; message: string; evidenceId: string | null }
export interface Done { conversationId: string; mode: 'GENERATED' | 'EXTRACTIVE' | 'NO_ANSWER' | 'REFUSED' }
export interface StreamHandlers {
  onToken: (text: string) => void;
  onCitations: (citations: Citation[]) => void;
  onRefusal: (refusal: Refusal) => void;
  onDone: (done: Done) => void;
}
export interface SseEvent { event: string; data: string }

/** Splits an SSE text buffer into complete events; returns them and the unfinished rest. */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

export function dispatch(e: SseEvent, handlers: StreamHandlers) {
  const value = JSON.parse(e.data) as unknown;
  switch (e.event) {
    case 'token': handlers.onToken((value as { text: string }).text); break;
    case 'citations': handlers.onCitations(value as Citation[]); break;
    case 'refusal': handlers.onRefusal(value as Refusal); break;
    case 'done': handlers.onDone(value as Done); break;
    default: break;
  }
}

/** Asks and streams the answer into the handlers; resolves when the stream ends. */
export async function ask(channel: Channel, body: { question: string; courseId?: string; conversationId?: string },
  handlers: StreamHandlers, signal?: AbortSignal): Promise<void> {
  const response = await authorizedFetch('POST', `/api/v1/chatbot/${channel}/questions`, { body, accept: 'text/event-stream', signal });
  if (!response.ok || !response.body) {
    let envelope: { error?: ConstructorParameters<typeof ApiError>[1] } | null = null;
    try { envelope = await response.json(); } catch { envelope = null; }
    throw new ApiError(response.status, envelope?.error ?? undefined);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const parsed = parseSse(buffer);
    buffer = parsed.rest;
    parsed.events.forEach((e) => dispatch(e, handlers));
  }
  parseSse(buffer + '\n\n').events.forEach((e) => dispatch(e, handlers));
}
