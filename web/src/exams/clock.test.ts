import { describe, expect, it } from 'vitest';
import { evaluationState, formatCountdown, secondsLeft, sequence, serverOffset } from './clock';

describe('the exam clock', () => {
  it('counts down to the server deadline whatever the local clock says', () => {
    const local = Date.parse('2026-12-03T10:00:00Z');
    // the local clock is 5 minutes slow
    const offset = serverOffset('2026-12-03T10:05:00Z', local);
    expect(offset).toBe(300_000);
    expect(secondsLeft('2026-12-03T10:15:00Z', offset, local)).toBe(600);
    expect(secondsLeft('2026-12-03T10:15:00Z', offset, local + 599_001)).toBe(1);
    expect(secondsLeft('2026-12-03T10:15:00Z', offset, local + 600_000)).toBe(0);
    expect(secondsLeft('2026-12-03T10:15:00Z', offset, local + 900_000)).toBe(0);
  });

  it('formats minutes and hours', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(65)).toBe('01:05');
    expect(formatCountdown(3725)).toBe('1:02:05');
  });

  it('numbers saves strictly upwards, above an earlier page load', () => {
    const next = sequence(1_000);
    const a = next();
    const b = next();
    expect(a).toBeGreaterThanOrEqual(1_000_000);
    expect(b).toBeGreaterThan(a);
    const page = sequence();
    const first = page();
    const later = sequence(Date.now() + 1)();
    expect(later).toBeGreaterThan(first);
    expect(Number.isSafeInteger(later)).toBe(true);
  });

  it('tells open, upcoming and closed evaluations apart', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const e = { status: 'PUBLISHED', opensAt: '2026-12-03T09:00:00Z', closesAt: '2026-12-03T11:00:00Z' };
    expect(evaluationState(e, now)).toBe('OPEN');
    expect(evaluationState({ ...e, opensAt: '2026-12-03T10:30:00Z' }, now)).toBe('UPCOMING');
    expect(evaluationState({ ...e, closesAt: '2026-12-03T10:00:00Z' }, now)).toBe('CLOSED');
    expect(evaluationState({ ...e, status: 'CLOSED' }, now)).toBe('CLOSED');
  });
});
