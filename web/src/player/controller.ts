// The player core: one media backend + the anti-cheat guard + heartbeat-service's playback session.
// It opens the session with learning's grant, sends beats at the policy's interval (serially, with
// sequence numbers), and does whatever the guard and the server's directives say.
import { post, request } from '../api/http';
import { Html5Backend, VimeoBackend, type MediaBackend, type VideoSource } from './backends';
import { PlaybackGuard, type BeatAnswer, type BeatEvent, type BeatRequest, type Command, type Cue, type Directive } from './guard';

export interface SessionStart {
  sessionId: string; lessonId: string; resumeSecond: number; furthestSecond: number;
  heartbeatIntervalSeconds: number; maxPlaybackRate: number; creditMode: string;
  totals: BeatAnswer['totals']; directives: Directive[];
}

export interface PlayerView {
  ready: boolean;
  playing: boolean;
  rate: number;
  maxRate: number;
  progressPercent: number;
  studyMillis: number;
  completed: boolean;
  lastCreditedMillis: number | null;
  lastRefusal: string | null;
  notice: { key: string; value?: string | number } | null;
  quiz: { cueId: string; at: number } | null;
  identity: { challengeId: string; challengeKind: 'PRESENCE_CODE' | 'STEP_UP'; code?: string } | null;
  terminated: string | null;
  error: string | null;
  beats: number;
}

const INITIAL: PlayerView = {
  ready: false, playing: false, rate: 1, maxRate: 1, progressPercent: 0, studyMillis: 0, completed: false,
  lastCreditedMillis: null, lastRefusal: null, notice: null, quiz: null, identity: null, terminated: null, error: null, beats: 0,
};

/** A stable id of this browser (its SHA-256 is kept as evidence by heartbeat-service). */
export function deviceFingerprint(): string {
  const key = 'baeum.device';
  let id = localStorage.getItem(key);
  if (!id) {
    id = (crypto.randomUUID?.() ?? String(Math.random()).slice(2)) + '|' + navigator.userAgent.slice(0, 200);
    localStorage.setItem(key, id);
  }
  return id;
}

/** The claims of learning's grant that the UI shows (docs/playback-grant.md); the server verifies it. */
export interface GrantClaims {
  cues: Cue[];
  policy: { maxRate: number; seek: string; dailyCap: number; beat: number; complete: number; credit: string };
  period: { from: string; to: string };
  today: { date: string; lessons: number; thisLesson: boolean };
}

export function readGrant(grant: string): GrantClaims | null {
  try {
    const part = grant.split('.')[1];
    return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as GrantClaims;
  } catch {
    return null;
  }
}

export class PlayerController {
  private backend: MediaBackend | null = null;
  private guard: PlaybackGuard | null = null;
  private session: SessionStart | null = null;
  private timer: number | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private view: PlayerView = INITIAL;
  private readonly listeners = new Set<(view: PlayerView) => void>();
  private readonly onVisibility = () => this.visibilityChanged();
  private destroyed = false;
  private ending = false;

  subscribe(listener: (view: PlayerView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<PlayerView>) {
    this.view = { ...this.view, ...patch };
    this.listeners.forEach((l) => l(this.view));
  }

  /** Opens the heartbeat session with the grant, mounts the backend at the resume position. */
  async start(container: HTMLElement, grant: string, source: VideoSource, cues: Cue[]): Promise<void> {
    const started = await post<SessionStart>('/api/v1/playback/sessions', { grant, deviceFingerprint: deviceFingerprint() });
    if (this.destroyed) return;
    this.session = started;
    this.guard = new PlaybackGuard({
      intervalSeconds: started.heartbeatIntervalSeconds, maxRate: started.maxPlaybackRate,
      resumeSecond: started.resumeSecond, furthestSecond: started.furthestSecond, cues,
    });
    this.update({
      maxRate: started.maxPlaybackRate, progressPercent: started.totals.progressPercent,
      studyMillis: started.totals.studyMillis, completed: started.totals.completed,
    });
    this.backend = source.kind === 'html5'
      ? new Html5Backend(container, source, started.resumeSecond)
      : await VimeoBackend.create(container, source.videoId, started.resumeSecond);
    if (this.destroyed) { this.backend.destroy(); return; }
    this.wire(this.backend, this.guard);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.timer = window.setInterval(() => this.tick(), this.guard.intervalMillis);
    this.run(this.guard.onAnswer({
      sessionId: started.sessionId, sequence: 0, credited: { seconds: 0, millis: 0 }, refusal: null,
      totals: started.totals, directives: started.directives,
    }));
    if (document.visibilityState === 'hidden') this.visibilityChanged();
    this.update({ ready: true });
  }

  private wire(backend: MediaBackend, guard: PlaybackGuard) {
    backend.on('play', () => { this.update({ playing: true }); this.run(guard.onPlay()); });
    backend.on('pause', () => { this.update({ playing: false }); this.run(guard.onPause()); });
    backend.on('seeking', (to) => this.run(guard.onSeek(to)));
    backend.on('ratechange', (rate) => { this.update({ rate }); this.run(guard.onRateChange(rate)); });
    backend.on('timeupdate', (at) => this.run(guard.onTimeUpdate(at, backend.state() === 'playing')));
    backend.on('ended', () => {
      this.update({ playing: false });
      this.run(guard.onEnded());
    });
    backend.on('error', () => this.update({ error: 'PLAYER_ERROR' }));
  }

  private visibilityChanged() {
    if (!this.guard || !this.backend) return;
    const hidden = document.visibilityState === 'hidden';
    this.run(this.guard.onVisibility(hidden ? 'hidden' : 'visible', this.backend.state() === 'playing'));
  }

  private tick() {
    if (!this.guard || !this.backend || this.guard.terminated) return;
    this.send('tick');
  }

  /** Queues a beat; beats go out one after another, in sequence order. */
  private send(event: BeatEvent, override?: Partial<Pick<BeatRequest, 'position' | 'rate' | 'state' | 'visibility'>>) {
    if (!this.guard || !this.backend || !this.session) return;
    const media = { position: this.backend.position(), rate: this.backend.rate(), state: this.backend.state() };
    const body = this.guard.beat(event, { ...media, ...override }, Date.now());
    const sessionId = this.session.sessionId;
    this.chain = this.chain.then(() => this.deliver(`/api/v1/playback/sessions/${sessionId}/heartbeats`, body));
  }

  private async deliver(path: string, body: unknown): Promise<BeatAnswer | null> {
    if (this.destroyed && !this.ending) return null;
    try {
      const answer = (await request<BeatAnswer>('POST', path, { body })).data;
      this.accept(answer);
      return answer;
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'NETWORK';
      if (code === 'SESSION_NOT_ACTIVE' || code === 'SESSION_NOT_FOUND') {
        this.run([{ kind: 'pause' }, { kind: 'terminated', reason: code }]);
      } else {
        this.update({ notice: { key: 'beatFailed', value: code } });
      }
      return null;
    }
  }

  private accept(answer: BeatAnswer) {
    if (!this.guard) return;
    this.update({
      progressPercent: answer.totals.progressPercent, studyMillis: answer.totals.studyMillis,
      completed: answer.totals.completed, lastCreditedMillis: answer.credited.millis,
      lastRefusal: answer.refusal ?? null, beats: this.view.beats + 1,
    });
    this.run(this.guard.onAnswer(answer));
  }

  private run(commands: Command[]) {
    const backend = this.backend;
    if (!backend) return;
    for (const command of commands) {
      switch (command.kind) {
        case 'beat': this.send(command.event, command.override); break;
        case 'pause': void backend.pause().catch(() => undefined); break;
        case 'seek': void backend.seek(command.to); break;
        case 'setRate': void backend.setRate(command.rate); this.update({ rate: command.rate }); break;
        case 'showQuiz': this.update({ quiz: { cueId: command.cueId, at: command.at } }); break;
        case 'identityCheck':
          this.update({ identity: { challengeId: command.challengeId, challengeKind: command.challengeKind, code: command.code } });
          break;
        case 'identityCleared': this.update({ identity: null }); break;
        case 'terminated':
          this.stopBeats();
          this.update({ terminated: command.reason, quiz: null, identity: null });
          break;
        case 'notice': this.update({ notice: { key: command.key, value: command.value } }); break;
      }
    }
  }

  /** The trainee's controls. */
  async play() {
    if (!this.backend || !this.guard) return;
    if (this.guard.isBlocked() || document.visibilityState === 'hidden') return;
    await this.backend.play().catch(() => undefined);
  }
  async pause() { await this.backend?.pause(); }
  async setRate(rate: number) { await this.backend?.setRate(rate); }
  position(): number { return this.backend?.position() ?? 0; }

  /** The cue quiz was answered correctly: present learning's cue pass to heartbeat-service. */
  async passCue(cueId: string, cuePass: string): Promise<void> {
    if (!this.session || !this.guard) return;
    const sessionId = this.session.sessionId;
    const answer = await (this.chain = this.chain.then(() =>
      this.deliver(`/api/v1/playback/sessions/${sessionId}/cues/${encodeURIComponent(cueId)}/pass`, { pass: cuePass })));
    if (answer) {
      this.run(this.guard.cuePassed(cueId));
      this.update({ quiz: null });
    }
  }

  /** Answers the identity challenge (a presence code, or nothing after a fresh 본인인증). */
  async answerIdentity(challengeId: string, code: string | null): Promise<void> {
    if (!this.session) return;
    const sessionId = this.session.sessionId;
    await (this.chain = this.chain.then(() =>
      this.deliver(`/api/v1/playback/sessions/${sessionId}/identity-checks/${encodeURIComponent(challengeId)}`, { code })));
  }

  private stopBeats() {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
  }

  /** Leaves the player: the session is ended at the server (best effort) and the media released. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopBeats();
    document.removeEventListener('visibilitychange', this.onVisibility);
    const session = this.session;
    const terminated = this.view.terminated;
    this.backend?.destroy();
    this.backend = null;
    if (session && !terminated) {
      this.ending = true;
      await this.chain.catch(() => undefined);
      await post(`/api/v1/playback/sessions/${session.sessionId}/end`).catch(() => undefined);
    }
  }
}
