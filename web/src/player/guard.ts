// The player's anti-cheat rules, as plain TypeScript (no DOM, no network): the player core feeds it the
// media events and the server's answers, and does what the returned commands say. Unit-tested in
// guard.test.ts. The server (heartbeat-service) judges every beat anyway and credits only what it
// accepts: this module makes the honest path the only one the UI offers, and reports the rest.

export type Visibility = 'visible' | 'hidden';
export type MediaState = 'playing' | 'paused' | 'ended' | 'buffering';
export type BeatEvent = 'tick' | 'play' | 'pause' | 'seek' | 'ratechange' | 'visibilitychange' | 'ended';

/** A beat as heartbeat-service takes it (PlaybackWebModels.BeatRequest). */
export interface BeatRequest {
  sequence: number; position: number; rate: number; state: MediaState; visibility: Visibility;
  event: BeatEvent; clientTime: number;
}

/** A directive of heartbeat-service (docs/heartbeat.md, "Directives"). */
export interface Directive {
  type: 'CONTINUE' | 'PAUSE_FOR_IDENTITY_CHECK' | 'SHOW_QUIZ' | 'SEEK_BACK' | 'LIMIT_RATE' | 'TERMINATED';
  challengeId?: string; challengeKind?: 'PRESENCE_CODE' | 'STEP_UP'; code?: string;
  cueId?: string; position?: number; maxRate?: number; reason?: string;
}

export interface Totals { coveredSeconds: number; studyMillis: number; progressPercent: number; completed: boolean; furthestSecond: number }

/** heartbeat-service's answer to a beat, a cue pass, an identity answer or the end. */
export interface BeatAnswer {
  sessionId: string; sequence: number; credited: { seconds: number; millis: number };
  refusal?: string | null; totals: Totals; directives: Directive[];
}

export interface Cue { id: string; at: number; passed: boolean }

export interface GuardPolicy {
  /** beat interval (s) */
  intervalSeconds: number;
  /** highest rate that earns credit */
  maxRate: number;
  /** where playback resumes and the furthest second already watched (server's numbers) */
  resumeSecond: number;
  furthestSecond: number;
  cues: Cue[];
}

/** What the player must do. */
export type Command =
  | { kind: 'pause' }
  | { kind: 'seek'; to: number }
  | { kind: 'setRate'; rate: number }
  | { kind: 'showQuiz'; cueId: string; at: number }
  | { kind: 'identityCheck'; challengeId: string; challengeKind: 'PRESENCE_CODE' | 'STEP_UP'; code?: string }
  | { kind: 'identityCleared' }
  | { kind: 'terminated'; reason: string }
  | { kind: 'notice'; key: 'hidden' | 'rateLimited' | 'seekBlocked' | 'seekBack' | 'refused'; value?: string | number }
  | { kind: 'beat'; event: BeatEvent; override?: Partial<Pick<BeatRequest, 'position' | 'rate' | 'state' | 'visibility'>> };

/** How much media may pass between two time updates and still count as watching (not a seek). */
const NATURAL_STEP_SECONDS = 2;
/** A seek up to this far past the furthest second is tolerated (timeupdate granularity). */
const SEEK_TOLERANCE_SECONDS = 1;

export type Block = 'identity' | 'quiz' | 'terminated';

export class PlaybackGuard {
  private readonly policy: GuardPolicy;
  private sequence = 0;
  private lastPosition: number;
  private furthestWatched: number;
  private visibility: Visibility = 'visible';
  private readonly cues: Cue[];
  private blocks = new Set<Block>();
  private pendingChallenge: string | null = null;
  private pendingCue: string | null = null;
  private terminatedReason: string | null = null;
  private lastTotals: Totals | null = null;

  constructor(policy: GuardPolicy) {
    this.policy = policy;
    this.lastPosition = policy.resumeSecond;
    this.furthestWatched = Math.max(policy.furthestSecond, 0);
    this.cues = policy.cues.map((c) => ({ ...c })).sort((a, b) => a.at - b.at);
  }

  get furthest(): number { return this.furthestWatched; }
  get intervalMillis(): number { return Math.max(1, this.policy.intervalSeconds) * 1000; }
  get maxRate(): number { return this.policy.maxRate; }
  get currentVisibility(): Visibility { return this.visibility; }
  get totals(): Totals | null { return this.lastTotals; }
  get terminated(): string | null { return this.terminatedReason; }
  isBlocked(): boolean { return this.blocks.size > 0; }
  blockedBy(): Block[] { return [...this.blocks]; }

  /** The next beat's body: sequence numbers strictly increase. */
  beat(event: BeatEvent, media: { position: number; rate: number; state: MediaState }, now: number): BeatRequest {
    this.sequence += 1;
    return {
      sequence: this.sequence,
      position: Math.max(0, Math.round(media.position * 1000) / 1000),
      rate: media.rate,
      state: media.state,
      visibility: this.visibility,
      event,
      clientTime: Math.max(0, Math.floor(now)),
    };
  }

  /** The tab or window was left or came back (document.visibilitychange). */
  onVisibility(visibility: Visibility, playing: boolean): Command[] {
    if (visibility === this.visibility) return [];
    if (visibility === 'hidden') {
      // first the truth at the moment of leaving (still playing, now hidden), then the pause
      this.visibility = 'hidden';
      const commands: Command[] = [{ kind: 'beat', event: 'visibilitychange', override: { state: playing ? 'playing' : 'paused' } }];
      if (playing) commands.push({ kind: 'pause' });
      commands.push({ kind: 'notice', key: 'hidden' });
      return commands;
    }
    this.visibility = 'visible';
    return [{ kind: 'beat', event: 'visibilitychange' }];
  }

  /** The user (or a script) asked to play: refused while hidden, blocked, or terminated. */
  onPlay(): Command[] {
    if (this.isBlocked() || this.visibility === 'hidden') {
      return [{ kind: 'pause' }];
    }
    return [{ kind: 'beat', event: 'play', override: { state: 'playing' } }];
  }

  onPause(): Command[] {
    return [{ kind: 'beat', event: 'pause' }];
  }

  onEnded(): Command[] {
    return [{ kind: 'beat', event: 'ended', override: { state: 'ended' } }];
  }

  /** The playback rate changed: above the policy's cap it is reported, then clamped. */
  onRateChange(rate: number): Command[] {
    if (rate > this.policy.maxRate + 1e-9) {
      return [
        { kind: 'beat', event: 'ratechange', override: { rate } },
        { kind: 'setRate', rate: this.policy.maxRate },
        { kind: 'notice', key: 'rateLimited', value: this.policy.maxRate },
      ];
    }
    return [{ kind: 'beat', event: 'ratechange' }];
  }

  /**
   * The media jumped to {@code to} (seeking/seeked): past the furthest watched second it is reported
   * and snapped back there; anywhere already watched is allowed.
   */
  onSeek(to: number): Command[] {
    if (to > this.furthestWatched + SEEK_TOLERANCE_SECONDS) {
      const back = this.furthestWatched;
      this.lastPosition = back;
      return [
        { kind: 'beat', event: 'seek', override: { position: to } },
        { kind: 'seek', to: back },
        { kind: 'notice', key: 'seekBlocked' },
      ];
    }
    this.lastPosition = to;
    return [{ kind: 'beat', event: 'seek' }];
  }

  /**
   * A time update while playing (every ~250 ms): natural progress extends the furthest watched second;
   * reaching an unpassed cue pauses the video for its quiz.
   */
  onTimeUpdate(position: number, playing: boolean): Command[] {
    const step = position - this.lastPosition;
    if (playing && step > 0 && step <= NATURAL_STEP_SECONDS) {
      this.furthestWatched = Math.max(this.furthestWatched, position);
    }
    this.lastPosition = position;
    const cue = this.cues.find((c) => !c.passed && position >= c.at);
    if (cue && playing && this.pendingCue !== cue.id) {
      this.pendingCue = cue.id;
      this.blocks.add('quiz');
      return [{ kind: 'pause' }, { kind: 'showQuiz', cueId: cue.id, at: cue.at }];
    }
    return [];
  }

  /** The quiz of a cue was passed and the server accepted the cue pass. */
  cuePassed(cueId: string): Command[] {
    const cue = this.cues.find((c) => c.id === cueId);
    if (cue) cue.passed = true;
    if (this.pendingCue === cueId) this.pendingCue = null;
    this.blocks.delete('quiz');
    return [];
  }

  /** Obeys the server's answer: every directive, and the refusal shown to the trainee. */
  onAnswer(answer: BeatAnswer): Command[] {
    const commands: Command[] = [];
    this.lastTotals = answer.totals;
    this.furthestWatched = Math.max(this.furthestWatched, answer.totals.furthestSecond);
    let identityPending = false;
    for (const directive of answer.directives ?? []) {
      switch (directive.type) {
        case 'PAUSE_FOR_IDENTITY_CHECK':
          identityPending = true;
          if (this.pendingChallenge !== directive.challengeId) {
            this.pendingChallenge = directive.challengeId ?? null;
            this.blocks.add('identity');
            commands.push({ kind: 'pause' }, {
              kind: 'identityCheck', challengeId: directive.challengeId ?? '',
              challengeKind: directive.challengeKind ?? 'PRESENCE_CODE', code: directive.code,
            });
          }
          break;
        case 'SHOW_QUIZ': {
          const cueId = directive.cueId ?? '';
          const cue = this.cues.find((c) => c.id === cueId);
          if (cue && cue.passed) break;
          if (this.pendingCue !== cueId) {
            this.pendingCue = cueId;
            this.blocks.add('quiz');
            commands.push({ kind: 'pause' }, { kind: 'showQuiz', cueId, at: directive.position ?? cue?.at ?? 0 });
          }
          break;
        }
        case 'SEEK_BACK': {
          const to = directive.position ?? this.furthestWatched;
          this.lastPosition = to;
          commands.push({ kind: 'seek', to }, { kind: 'notice', key: 'seekBack' });
          break;
        }
        case 'LIMIT_RATE':
          commands.push({ kind: 'setRate', rate: directive.maxRate ?? this.policy.maxRate },
            { kind: 'notice', key: 'rateLimited', value: directive.maxRate ?? this.policy.maxRate });
          break;
        case 'TERMINATED':
          if (this.terminatedReason === null) {
            this.terminatedReason = directive.reason ?? 'ENDED';
            this.blocks.add('terminated');
            commands.push({ kind: 'pause' }, { kind: 'terminated', reason: this.terminatedReason });
          }
          break;
        case 'CONTINUE':
        default:
          break;
      }
    }
    if (!identityPending && this.blocks.has('identity') && answer.refusal !== 'IDENTITY_PENDING') {
      this.blocks.delete('identity');
      this.pendingChallenge = null;
      commands.push({ kind: 'identityCleared' });
    }
    if (answer.refusal) {
      commands.push({ kind: 'notice', key: 'refused', value: answer.refusal });
    }
    return commands;
  }
}
