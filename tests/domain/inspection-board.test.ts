import { cellState, mostPressing, nextFiring, planFiresIn, type BoardPlan } from '../../domain/inspection/board';
import { templateVersionInput, compiledRefusals } from '../../domain/inspection/template.schemas';
import { MONTHLY_INSPECTION, PERFORMANCE_ANALYSIS } from '../../domain/inspection/templates';

/** The board's rules without a database: which month a plan owes, and what its cell says. */
const quarterly: BoardPlan = { recurrence: { dayOfMonth: 10, hour: 9, minute: 0, everyMonths: 3 }, startDate: '2026-02-15', paused: false };
const NOW = '2026-12-02T14:05';

describe('the months a plan owes', () => {
  it('counts the cycle from the start month and not before the start day', () => {
    // Started on the 15th: February's 10th was before it, so the first firing is May's.
    expect(['2026-01', '2026-02', '2026-05', '2026-06', '2026-08', '2026-11', '2027-02'].filter((p) => planFiresIn(quarterly, p as never))).toEqual(['2026-05', '2026-08', '2026-11', '2027-02']);
    expect(planFiresIn({ ...quarterly, startDate: '2026-02-10' }, '2026-02')).toBe(true);
  });

  it('gives the next firing on the desk’s clock, across a year end', () => {
    expect(nextFiring(quarterly, NOW)).toBe('2027-02-10T09:00');
    expect(nextFiring({ ...quarterly, recurrence: { dayOfMonth: 2, hour: 15, minute: 0, everyMonths: 1 } }, NOW)).toBe('2026-12-02T15:00');
    expect(nextFiring({ ...quarterly, recurrence: { dayOfMonth: 2, hour: 14, minute: 0, everyMonths: 1 } }, NOW)).toBe('2027-01-02T14:00');
  });
});

describe('a cell', () => {
  it('follows the occurrence when there is one: archived done, due date passed late (the day after)', () => {
    expect(cellState(quarterly, '2026-11', { status: 'archived', reportDueDate: '2026-11-20' }, NOW)).toBe('done');
    expect(cellState(quarterly, '2026-11', { status: 'signature', reportDueDate: '2026-12-02' }, NOW)).toBe('signature');
    expect(cellState(quarterly, '2026-11', { status: 'signature', reportDueDate: '2026-12-01' }, NOW)).toBe('late');
    expect(cellState(quarterly, '2026-11', { status: 'review', reportDueDate: '2026-12-05' }, NOW)).toBe('in_progress');
    expect(cellState(quarterly, '2026-11', { status: 'cancelled', reportDueDate: '2026-11-01' }, NOW)).toBe('cancelled');
    // "Run now" in a month the calendar does not owe still shows.
    expect(cellState(quarterly, '2026-12', { status: 'planned', reportDueDate: '2026-12-09' }, NOW)).toBe('in_progress');
  });

  it('without one: missing once the firing passed, scheduled before, none when not owed, paused while paused', () => {
    expect(cellState(quarterly, '2026-11', undefined, NOW)).toBe('missing');
    expect(cellState(quarterly, '2027-02', undefined, NOW)).toBe('scheduled');
    expect(cellState(quarterly, '2026-12', undefined, NOW)).toBe('none');
    expect(cellState({ ...quarterly, paused: true }, '2026-11', undefined, NOW)).toBe('paused');
  });

  it('a hospital’s month shows its most pressing plan', () => {
    expect(mostPressing(['done', 'late', 'scheduled'])).toBe('late');
    expect(mostPressing(['done', 'missing', 'late'])).toBe('missing');
    expect(mostPressing([])).toBe('none');
  });
});

describe('a template version', () => {
  const body = (sections = structuredClone(MONTHLY_INSPECTION.sections)) => ({ baseVersion: 1, title: MONTHLY_INSPECTION.title, sections });

  it('takes the built-in templates as they are', () => {
    expect(templateVersionInput.safeParse(body()).success).toBe(true);
    expect(templateVersionInput.safeParse({ ...body(PERFORMANCE_ANALYSIS.sections) }).success).toBe(true);
    expect(compiledRefusals(MONTHLY_INSPECTION, body())).toEqual({});
  });

  it('names the item of a measurement without its unit, and of a key used twice', () => {
    const issues = (sections: typeof MONTHLY_INSPECTION.sections) => templateVersionInput.safeParse(body(sections)).error?.issues.map((i) => [i.path.join('.'), i.message]);
    const noUnit = structuredClone(MONTHLY_INSPECTION.sections);
    delete noUnit[1].items[4].unit;
    expect(issues(noUnit)).toEqual([['sections.1.items.4.unit', 'template.unit_required']]);
    const twice = structuredClone(MONTHLY_INSPECTION.sections);
    twice[6].items[1].key = 'summary';
    expect(issues(twice)).toEqual([['sections.6.items.1.key', 'template.key_taken']]);
  });
});
