import { describe, expect, it } from 'vitest';
import { PlaybackGuard, type BeatAnswer, type Command, type GuardPolicy } from './guard';

const policy = (overrides: Partial<GuardPolicy> = {}): GuardPolicy => ({
  intervalSeconds: 10, maxRate: 2, resumeSecond: 0, furthestSecond: 0, cues: [], ...overrides,
});

const answer = (overrides: Partial<BeatAnswer> = {}): BeatAnswer => ({
  sessionId: 's1', sequence: 1, credited: { seconds: 1, millis: 1000 }, refusal: null,
  totals: { coveredSeconds: 0, studyMillis: 0, progressPercent: 0, completed: false, furthestSecond: 0 },
  directives: [{ type: 'CONTINUE' }], ...overrides,
});

const kinds = (commands: Command[]) => commands.map((c) => c.kind);

/** Plays from {@code from} to {@code to} in 250 ms time updates at 1x. */
function play(guard: PlaybackGuard, from: number, to: number) {
  for (let t = from; t <= to; t += 0.25) guard.onTimeUpdate(t, true);
}

describe('beats', () => {
  it('numbers beats with strictly increasing sequence numbers and reports what the media does', () => {
    const guard = new PlaybackGuard(policy());
    const first = guard.beat('play', { position: 1.23456, rate: 1, state: 'playing' }, 1000);
    const second = guard.beat('tick', { position: 11, rate: 1, state: 'playing' }, 11000);
    expect(first).toEqual({ sequence: 1, position: 1.235, rate: 1, state: 'playing', visibility: 'visible', event: 'play', clientTime: 1000 });
    expect(second.sequence).toBe(2);
    expect(guard.intervalMillis).toBe(10000);
  });
});

describe('leaving the tab', () => {
  it('reports the hidden state, then pauses a playing video', () => {
    const guard = new PlaybackGuard(policy());
    const commands = guard.onVisibility('hidden', true);
    expect(kinds(commands)).toEqual(['beat', 'pause', 'notice']);
    expect(commands[0]).toMatchObject({ event: 'visibilitychange', override: { state: 'playing' } });
    expect(guard.beat('pause', { position: 3, rate: 1, state: 'paused' }, 0).visibility).toBe('hidden');
  });

  it('refuses to play while hidden and allows it again once visible', () => {
    const guard = new PlaybackGuard(policy());
    guard.onVisibility('hidden', false);
    expect(kinds(guard.onPlay())).toEqual(['pause']);
    expect(kinds(guard.onVisibility('visible', false))).toEqual(['beat']);
    expect(guard.onPlay()).toEqual([{ kind: 'beat', event: 'play', override: { state: 'playing' } }]);
  });
});

describe('the playback-rate cap', () => {
  it('reports a rate above the cap and clamps it to the cap', () => {
    const guard = new PlaybackGuard(policy({ maxRate: 2 }));
    const commands = guard.onRateChange(4);
    expect(commands[0]).toEqual({ kind: 'beat', event: 'ratechange', override: { rate: 4 } });
    expect(commands[1]).toEqual({ kind: 'setRate', rate: 2 });
  });

  it('lets rates up to the cap through', () => {
    const guard = new PlaybackGuard(policy({ maxRate: 2 }));
    expect(guard.onRateChange(1.5)).toEqual([{ kind: 'beat', event: 'ratechange' }]);
    expect(guard.onRateChange(2)).toEqual([{ kind: 'beat', event: 'ratechange' }]);
  });

  it('obeys LIMIT_RATE from the server', () => {
    const guard = new PlaybackGuard(policy({ maxRate: 2 }));
    const commands = guard.onAnswer(answer({ refusal: 'RATE_TOO_HIGH', directives: [{ type: 'LIMIT_RATE', maxRate: 1.5 }] }));
    expect(commands).toContainEqual({ kind: 'setRate', rate: 1.5 });
    expect(commands).toContainEqual({ kind: 'notice', key: 'refused', value: 'RATE_TOO_HIGH' });
  });
});

describe('seeking', () => {
  it('snaps a seek past the furthest watched second back to it, and reports the attempt', () => {
    const guard = new PlaybackGuard(policy());
    play(guard, 0, 5);
    expect(guard.furthest).toBe(5);
    const commands = guard.onSeek(30);
    expect(commands[0]).toEqual({ kind: 'beat', event: 'seek', override: { position: 30 } });
    expect(commands[1]).toEqual({ kind: 'seek', to: 5 });
  });

  it('allows seeking back and within what was watched', () => {
    const guard = new PlaybackGuard(policy({ furthestSecond: 20 }));
    expect(guard.onSeek(3)).toEqual([{ kind: 'beat', event: 'seek' }]);
    expect(guard.onSeek(20.5)).toEqual([{ kind: 'beat', event: 'seek' }]);
  });

  it('does not count a jump as watching', () => {
    const guard = new PlaybackGuard(policy());
    play(guard, 0, 2);
    guard.onTimeUpdate(40, true);
    expect(guard.furthest).toBe(2);
  });

  it('starts from the server furthest second and takes the larger of both from answers', () => {
    const guard = new PlaybackGuard(policy({ resumeSecond: 12, furthestSecond: 15 }));
    expect(guard.furthest).toBe(15);
    guard.onAnswer(answer({ totals: { coveredSeconds: 0, studyMillis: 0, progressPercent: 0, completed: false, furthestSecond: 18 } }));
    expect(guard.furthest).toBe(18);
  });

  it('obeys SEEK_BACK from the server', () => {
    const guard = new PlaybackGuard(policy());
    const commands = guard.onAnswer(answer({ refusal: 'SEEK_AHEAD', directives: [{ type: 'SEEK_BACK', position: 7 }] }));
    expect(commands[0]).toEqual({ kind: 'seek', to: 7 });
  });
});

describe('cue quizzes', () => {
  it('pauses at an unpassed cue and shows its quiz once, until it is passed', () => {
    const guard = new PlaybackGuard(policy({ cues: [{ id: 'q1', at: 3, passed: false }] }));
    const all: Command[] = [];
    for (let t = 0; t <= 4; t += 0.25) all.push(...guard.onTimeUpdate(t, true));
    expect(all.filter((c) => c.kind === 'showQuiz')).toEqual([{ kind: 'showQuiz', cueId: 'q1', at: 3 }]);
    expect(guard.isBlocked()).toBe(true);
    expect(kinds(guard.onPlay())).toEqual(['pause']);
    guard.cuePassed('q1');
    expect(guard.isBlocked()).toBe(false);
    expect(guard.onTimeUpdate(4.25, true)).toEqual([]);
  });

  it('skips cues already passed and opens the quiz on SHOW_QUIZ from the server', () => {
    const guard = new PlaybackGuard(policy({ cues: [{ id: 'a', at: 1, passed: true }, { id: 'b', at: 9, passed: false }] }));
    expect(guard.onTimeUpdate(1.2, true)).toEqual([]);
    const commands = guard.onAnswer(answer({ refusal: 'CUE_PENDING', directives: [{ type: 'SHOW_QUIZ', cueId: 'b', position: 9 }] }));
    expect(commands).toContainEqual({ kind: 'showQuiz', cueId: 'b', at: 9 });
  });
});

describe('identity checks', () => {
  it('pauses for the challenge and stays blocked until the server stops asking', () => {
    const guard = new PlaybackGuard(policy());
    const challenge = answer({ directives: [{ type: 'PAUSE_FOR_IDENTITY_CHECK', challengeId: 'c1', challengeKind: 'PRESENCE_CODE', code: '123456' }] });
    expect(guard.onAnswer(challenge)).toContainEqual(
      { kind: 'identityCheck', challengeId: 'c1', challengeKind: 'PRESENCE_CODE', code: '123456' });
    expect(guard.isBlocked()).toBe(true);
    expect(kinds(guard.onPlay())).toEqual(['pause']);
    // the same challenge repeated is not a new popup
    expect(guard.onAnswer(challenge).filter((c) => c.kind === 'identityCheck')).toEqual([]);
    // a pending refusal keeps it blocked
    guard.onAnswer(answer({ refusal: 'IDENTITY_PENDING', directives: [] }));
    expect(guard.isBlocked()).toBe(true);
    expect(guard.onAnswer(answer())).toContainEqual({ kind: 'identityCleared' });
    expect(guard.isBlocked()).toBe(false);
  });
});

describe('termination', () => {
  it('pauses for good and shows the reason when another device takes over', () => {
    const guard = new PlaybackGuard(policy());
    const commands = guard.onAnswer(answer({ directives: [{ type: 'TERMINATED', reason: 'CONCURRENT_SESSION' }] }));
    expect(commands).toContainEqual({ kind: 'terminated', reason: 'CONCURRENT_SESSION' });
    expect(guard.terminated).toBe('CONCURRENT_SESSION');
    expect(kinds(guard.onPlay())).toEqual(['pause']);
  });
});

describe('credit', () => {
  it('keeps the totals of the server answer: credited time never comes from the client', () => {
    const guard = new PlaybackGuard(policy());
    guard.onAnswer(answer({ totals: { coveredSeconds: 5, studyMillis: 5000, progressPercent: 50, completed: false, furthestSecond: 5 } }));
    expect(guard.totals?.progressPercent).toBe(50);
  });
});
