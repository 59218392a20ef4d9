import { describe, expect, it } from 'vitest';
import { dispatch, parseSse, type Citation, type Done } from './chatbot';

describe('the chatbot stream', () => {
  it('splits events across chunk boundaries and keeps the unfinished rest', () => {
    const first = parseSse('event: token\ndata: {"text":"안녕"}\n\nevent: tok');
    expect(first.events).toEqual([{ event: 'token', data: '{"text":"안녕"}' }]);
    const second = parseSse(first.rest + 'en\ndata:{"text":"하세요"}\r\n\r\n');
    expect(second.events).toEqual([{ event: 'token', data: '{"text":"하세요"}' }]);
    expect(second.rest).toBe('');
  });

  it('ignores comments and joins multi-line data', () => {
    const { events } = parseSse(': keep-alive\n\nevent: done\ndata: {"conversationId":"c",\ndata: "mode":"NO_ANSWER"}\n\n');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].data)).toEqual({ conversationId: 'c', mode: 'NO_ANSWER' });
  });

  it('hands tokens, citations and the end to their handlers', () => {
    let text = '';
    let cites: Citation[] = [];
    let done: Done | null = null;
    const handlers = { onToken: (t: string) => { text += t; }, onCitations: (c: Citation[]) => { cites = c; },
      onRefusal: () => undefined, onDone: (d: Done) => { done = d; } };
    const { events } = parseSse('event: token\ndata: {"text":"A"}\n\nevent: token\ndata: {"text":"B"}\n\n'
      + 'event: citations\ndata: [{"number":1,"title":"t","quote":"q"}]\n\nevent: done\ndata: {"conversationId":"x","mode":"EXTRACTIVE"}\n\n');
    events.forEach((e) => dispatch(e, handlers));
    expect(text).toBe('AB');
    expect(cites[0].number).toBe(1);
    expect(done).toEqual({ conversationId: 'x', mode: 'EXTRACTIVE' });
  });
});
