import { clocksForLevel, DEFAULT_SLA_TARGETS, dueAtOf, met, nextSlaEvent, pause, resume, satisfy, targetFor, type SlaState } from '../../domain/sla';

const T0 = Date.parse('2026-11-26T08:00:00Z');
const MIN = 60_000;

function fresh(level: 1 | 2 | 3 | 4): SlaState {
  const sla: SlaState = { receivedAt: T0, level, clocks: [], pausedMs: 0, pausedSince: null };
  sla.clocks = clocksForLevel(sla, targetFor(DEFAULT_SLA_TARGETS, level), T0);
  return sla;
}

describe('the default policy is the seed document’s table (服务响应时间)', () => {
  it.each([
    [1, 30, 60],
    [2, 60, null],
    [3, 180, null],
    [4, 24 * 60, null],
  ] as const)('level %i: reply within %i min, first solution %s', (level, replyMin, solutionMin) => {
    const sla = fresh(level);
    expect(dueAtOf(sla, 'reply')).toBe(T0 + replyMin * MIN);
    expect(dueAtOf(sla, 'firstSolution')).toBe(solutionMin === null ? null : T0 + solutionMin * MIN);
  });
});

describe('SLA clocks', () => {
  it('warn at 75% of each window, then breach at the deadline, earliest first', () => {
    const sla = fresh(1);
    expect(nextSlaEvent(sla)).toEqual({ at: T0 + 22.5 * MIN, clock: 'reply', kind: 'warning', fraction: 0.75 });
    sla.clocks[0].warned.push(0.75);
    expect(nextSlaEvent(sla)).toEqual({ at: T0 + 30 * MIN, clock: 'reply', kind: 'breach' });
    satisfy(sla, 'reply', T0 + 10 * MIN);
    expect(nextSlaEvent(sla)).toEqual({ at: T0 + 45 * MIN, clock: 'firstSolution', kind: 'warning', fraction: 0.75 });
    satisfy(sla, 'firstSolution', T0 + 50 * MIN);
    expect(nextSlaEvent(sla)).toBeNull();
    expect(sla.clocks.map((c) => met(sla, c))).toEqual([true, true]);
  });

  it('stop while paused and move every deadline by the time paused', () => {
    const sla = fresh(2);
    pause(sla, T0 + 10 * MIN);
    expect(nextSlaEvent(sla)).toBeNull();
    resume(sla, T0 + 25 * MIN);
    expect(dueAtOf(sla, 'reply')).toBe(T0 + 75 * MIN);
    pause(sla, T0 + 30 * MIN);
    resume(sla, T0 + 35 * MIN);
    expect(dueAtOf(sla, 'reply')).toBe(T0 + 80 * MIN);
  });

  it('on a level change are measured again from receipt, keeping pauses and what already happened', () => {
    const sla = fresh(4);
    pause(sla, T0 + 5 * MIN);
    resume(sla, T0 + 15 * MIN);
    sla.clocks = clocksForLevel(sla, targetFor(DEFAULT_SLA_TARGETS, 1), T0 + 20 * MIN);
    expect(dueAtOf(sla, 'reply')).toBe(T0 + 40 * MIN);
    expect(dueAtOf(sla, 'firstSolution')).toBe(T0 + 70 * MIN);
    // 75% of the new reply window (22.5 min + 10 paused) is past: the warning is due now, once.
    expect(nextSlaEvent(sla)).toMatchObject({ clock: 'reply', kind: 'warning', at: T0 + 32.5 * MIN });
  });

  it('a breach stands after an upgrade only if the new deadline has passed too', () => {
    const sla = fresh(1);
    sla.clocks[0].breachedAt = T0 + 30 * MIN;
    const down = clocksForLevel(sla, targetFor(DEFAULT_SLA_TARGETS, 3), T0 + 40 * MIN);
    expect(down[0].breachedAt).toBeNull();
    const still = clocksForLevel(sla, targetFor(DEFAULT_SLA_TARGETS, 2), T0 + 70 * MIN);
    expect(still[0].breachedAt).toBe(T0 + 30 * MIN);
  });

  it('a late reply is satisfied but not met', () => {
    const sla = fresh(3);
    satisfy(sla, 'reply', T0 + 181 * MIN);
    expect(met(sla, sla.clocks[0])).toBe(false);
    expect(satisfy(sla, 'reply', T0 + 200 * MIN)).toBe(false);
  });
});
