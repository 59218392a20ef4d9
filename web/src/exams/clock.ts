// The exam clock is the server's: the page only knows how far its own clock is from the server's
// (measured when an answer arrives) and counts down to the server's deadline with that offset.

/** Server time minus local time, from a server timestamp read at {@code localNow}. */
export function serverOffset(serverTime: string, localNow: number): number {
  return Date.parse(serverTime) - localNow;
}

/** Whole seconds left until {@code deadline} on the server clock (never below 0). */
export function secondsLeft(deadline: string, offset: number, localNow: number): number {
  return Math.max(0, Math.ceil((Date.parse(deadline) - (localNow + offset)) / 1000));
}

/** mm:ss, or h:mm:ss from an hour on. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * Sequence numbers for autosaves: strictly increasing, and above anything an earlier page load sent
 * (the server keeps the highest seq per answer), so they follow the clock in microseconds: a reload
 * a millisecond later starts above a page that saved fewer than 1000 times within its last millisecond.
 */
export function sequence(start: number = Date.now()): () => number {
  let last = start * 1000 - 1;
  return () => {
    last = Math.max(last + 1, Date.now() * 1000);
    return last;
  };
}

export type EvaluationState = 'UPCOMING' | 'OPEN' | 'CLOSED';

export function evaluationState(e: { status: string; opensAt: string; closesAt: string }, now: number): EvaluationState {
  if (e.status === 'CLOSED' || Date.parse(e.closesAt) <= now) return 'CLOSED';
  if (Date.parse(e.opensAt) > now || e.status === 'DRAFT') return 'UPCOMING';
  return 'OPEN';
}
