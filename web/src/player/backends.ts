// The two media backends of the one player core: Vimeo's embedded player (@vimeo/player, production)
// and an HTML5 <video> (the sandbox videos under /media, locally and in the browser tests).
import type { MediaState } from './guard';

export type MediaEvent = 'play' | 'pause' | 'seeking' | 'ratechange' | 'timeupdate' | 'ended' | 'error';
export type MediaListener = (value: number) => void;

export interface MediaBackend {
  readonly kind: 'html5' | 'vimeo';
  play(): Promise<void>;
  pause(): Promise<void>;
  seek(seconds: number): Promise<void>;
  setRate(rate: number): Promise<void>;
  position(): number;
  rate(): number;
  state(): MediaState;
  on(event: MediaEvent, listener: MediaListener): void;
  destroy(): void;
}

/** Where a lesson's video plays: the sandbox catalog points its videos at /media files. */
export type VideoSource = { kind: 'html5'; src: string; poster?: string } | { kind: 'vimeo'; videoId: string };

export function chooseSource(videoId: string, thumbnailUrl: string | null | undefined): VideoSource {
  if (thumbnailUrl && thumbnailUrl.startsWith('/media/')) {
    return { kind: 'html5', src: thumbnailUrl.replace(/\.(jpg|jpeg|png|webp)$/i, '.mp4'), poster: thumbnailUrl };
  }
  return { kind: 'vimeo', videoId };
}

class Listeners {
  private readonly map = new Map<MediaEvent, MediaListener[]>();
  add(event: MediaEvent, listener: MediaListener) {
    this.map.set(event, [...(this.map.get(event) ?? []), listener]);
  }
  emit(event: MediaEvent, value: number) {
    (this.map.get(event) ?? []).forEach((l) => l(value));
  }
}

export class Html5Backend implements MediaBackend {
  readonly kind = 'html5' as const;
  private readonly video: HTMLVideoElement;
  private readonly listeners = new Listeners();

  constructor(container: HTMLElement, source: { src: string; poster?: string }, startAt: number) {
    const video = document.createElement('video');
    video.src = source.src;
    if (source.poster) video.poster = source.poster;
    video.preload = 'auto';
    video.playsInline = true;
    video.controls = true;
    video.setAttribute('controlslist', 'nodownload noplaybackrate');
    video.disablePictureInPicture = true;
    video.className = 'player-video';
    video.dataset.testid = 'video';
    container.appendChild(video);
    this.video = video;
    const start = () => {
      if (startAt > 0 && startAt < (video.duration || Infinity)) video.currentTime = startAt;
    };
    if (video.readyState >= 1) start(); else video.addEventListener('loadedmetadata', start, { once: true });
    video.addEventListener('play', () => this.listeners.emit('play', video.currentTime));
    video.addEventListener('pause', () => this.listeners.emit('pause', video.currentTime));
    video.addEventListener('seeking', () => this.listeners.emit('seeking', video.currentTime));
    video.addEventListener('ratechange', () => this.listeners.emit('ratechange', video.playbackRate));
    video.addEventListener('timeupdate', () => this.listeners.emit('timeupdate', video.currentTime));
    video.addEventListener('ended', () => this.listeners.emit('ended', video.currentTime));
    video.addEventListener('error', () => this.listeners.emit('error', 0));
  }

  async play() { await this.video.play(); }
  async pause() { this.video.pause(); }
  async seek(seconds: number) { this.video.currentTime = seconds; }
  async setRate(rate: number) { this.video.playbackRate = rate; }
  position() { return this.video.currentTime; }
  rate() { return this.video.playbackRate; }
  state(): MediaState {
    if (this.video.ended) return 'ended';
    if (this.video.paused) return 'paused';
    // HAVE_CURRENT_DATA or better is playing; the server needs 'playing' to credit
    return this.video.readyState < 2 ? 'buffering' : 'playing';
  }
  on(event: MediaEvent, listener: MediaListener) { this.listeners.add(event, listener); }
  destroy() { this.video.pause(); this.video.removeAttribute('src'); this.video.load(); this.video.remove(); }
}

/** Vimeo's player, loaded on demand (its SDK stays out of the public pages' bundle). */
export class VimeoBackend implements MediaBackend {
  readonly kind = 'vimeo' as const;
  private readonly listeners = new Listeners();
  private current = 0;
  private currentRate = 1;
  private playing = false;
  private ended = false;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private player: any = null;

  static async create(container: HTMLElement, videoId: string, startAt: number): Promise<VimeoBackend> {
    const { default: Player } = await import('@vimeo/player');
    const backend = new VimeoBackend();
    const player = new Player(container, { id: Number(videoId), responsive: true, dnt: true, pip: false, keyboard: false });
    backend.player = player;
    await player.ready();
    if (startAt > 0) await player.setCurrentTime(startAt);
    player.on('play', (d: { seconds: number }) => { backend.playing = true; backend.ended = false; backend.current = d.seconds; backend.listeners.emit('play', d.seconds); });
    player.on('pause', (d: { seconds: number }) => { backend.playing = false; backend.current = d.seconds; backend.listeners.emit('pause', d.seconds); });
    player.on('seeked', (d: { seconds: number }) => { backend.current = d.seconds; backend.listeners.emit('seeking', d.seconds); });
    player.on('playbackratechange', (d: { playbackRate: number }) => { backend.currentRate = d.playbackRate; backend.listeners.emit('ratechange', d.playbackRate); });
    player.on('timeupdate', (d: { seconds: number }) => { backend.current = d.seconds; backend.listeners.emit('timeupdate', d.seconds); });
    player.on('ended', (d: { seconds: number }) => { backend.playing = false; backend.ended = true; backend.listeners.emit('ended', d.seconds); });
    player.on('error', () => backend.listeners.emit('error', 0));
    return backend;
  }

  async play() { await this.player.play(); }
  async pause() { await this.player.pause(); }
  async seek(seconds: number) { this.current = seconds; await this.player.setCurrentTime(seconds); }
  async setRate(rate: number) { this.currentRate = rate; await this.player.setPlaybackRate(rate).catch(() => undefined); }
  position() { return this.current; }
  rate() { return this.currentRate; }
  state(): MediaState { return this.ended ? 'ended' : this.playing ? 'playing' : 'paused'; }
  on(event: MediaEvent, listener: MediaListener) { this.listeners.add(event, listener); }
  destroy() { this.player?.destroy().catch(() => undefined); }
}
