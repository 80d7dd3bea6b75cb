import { capacityAnalysis } from '../../domain/inspection/storage-capacity';
import { duePeriods, occurrenceWorkflowId, periodOf } from '../../domain/inspection/period';
import { faultSummary, type PeriodTicket } from '../../domain/inspection/fault-summary';
import { planInput, planMonths } from '../../domain/inspection/plan.schemas';
import { BUILT_IN_TEMPLATES, itemsOf, MONTHLY_INSPECTION } from '../../domain/inspection/templates';
import { holidayCalendarKnown, visitDate } from '../../domain/inspection/visit-date';

describe('the period an inspection belongs to', () => {
  it('is the month on the desk’s wall clock, not UTC’s', () => {
    // 2026-11-30 17:00 UTC is already 1 December in Shanghai.
    expect(periodOf(new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-12');
    expect(periodOf(new Date('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11');
  });

  it('names one workflow per plan and month', () => {
    expect(occurrenceWorkflowId(12, '2026-03')).toBe('inspection-12-2026-03');
  });

  it('lists the months a plan owes, across a year end, every N months from its start', () => {
    expect(duePeriods('2026-10', 1, '2027-01')).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
    expect(duePeriods('2026-02', 3, '2026-12')).toEqual(['2026-02', '2026-05', '2026-08', '2026-11']);
    expect(duePeriods('2027-01', 1, '2026-12')).toEqual([]);
  });
});

describe('the visit date moves off holidays', () => {
  it('keeps a working day', () => {
    expect(visitDate('2026-12-01')).toEqual({ date: '2026-12-01', skipped: [], calendarKnown: true });
  });

  it('moves from National Day to the next working day, naming what it skipped', () => {
    // 2026: 1–7 October off; Saturday 10 October is a 调休 working day, so the 8th is next.
    const v = visitDate('2026-10-01');
    expect(v.date).toBe('2026-10-08');
    expect(v.skipped).toHaveLength(7);
    expect(v.skipped[0]).toEqual({ date: '2026-10-01', reason: '国庆节' });
  });

  it('visits on a 调休 Saturday, which is a working day', () => {
    expect(visitDate('2026-10-10').date).toBe('2026-10-10');
  });

  it('moves from Spring Festival 2026 past the whole break', () => {
    const v = visitDate('2026-02-16');
    expect(v.skipped.every((s) => s.reason === '春节' || s.reason === '周末')).toBe(true);
    expect(v.date > '2026-02-16').toBe(true);
    expect(visitDate(v.date).skipped).toEqual([]);
  });

  it('skips weekends only, and says so, for a year whose holidays are not published yet', () => {
    expect(holidayCalendarKnown(2026)).toBe(true);
    const v = visitDate('2031-03-01'); // a Saturday
    expect(v).toEqual({ date: '2031-03-03', skipped: [{ date: '2031-03-01', reason: '周末' }, { date: '2031-03-02', reason: '周末' }], calendarKnown: false });
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('gives the same answer when the process runs in %s', (zone) => {
    // The package reads dates with local getters; Node applies a changed TZ at once.
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(visitDate('2026-10-01').date).toBe('2026-10-08');
      expect(visitDate('2026-10-10').date).toBe('2026-10-10');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('storage capacity analysis', () => {
  it('measures growth per month from a year’s readings and forecasts the months until full', () => {
    const a = capacityAnalysis([
      { period: '2026-12', totalGb: 2000, usedGb: 1400 },
      { period: '2026-06', totalGb: 2000, usedGb: 1100 },
      { period: '2025-06', totalGb: 2000, usedGb: 100 }, // beyond twelve months: not the base
    ]);
    expect(a).toEqual({ totalGb: 2000, usedGb: 1400, usedShare: 0.7, growthGbPerMonth: 50, monthsUntilFull: 12, since: '2026-06' });
  });

  it('has no forecast from a first reading, or when the data shrinks', () => {
    expect(capacityAnalysis([{ period: '2026-12', totalGb: 500, usedGb: 100 }]).monthsUntilFull).toBeNull();
    expect(capacityAnalysis([{ period: '2026-12', totalGb: 500, usedGb: 100 }, { period: '2026-11', totalGb: 500, usedGb: 120 }])).toMatchObject({ growthGbPerMonth: -20, monthsUntilFull: null });
  });
});

describe('the fault summary of a period', () => {
  const t = (id: string, over: Partial<PeriodTicket> = {}): PeriodTicket => ({
    id,
    title: id,
    systemCode: 'mnis',
    category: 'fault_diagnosis',
    faultLevel: 2,
    status: 'archived',
    departmentId: 1,
    replyBreached: false,
    solutionBreached: false,
    ...over,
  });

  it('counts by level and service item, lists breaches, repeats and what is still open; cancelled requests do not count', () => {
    const s = faultSummary([
      t('A'),
      t('B', { faultLevel: 1, solutionBreached: true }),
      t('C', { departmentId: 2, category: 'usage_guidance', status: 'open', faultLevel: null }),
      t('D', { status: 'cancelled' }),
      t('E', { status: 'resolved', category: 'data_correction', faultLevel: 3 }),
    ]);
    expect(s.total).toBe(4);
    expect(s.byLevel).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 1 },
      { level: 3, count: 1 },
      { level: null, count: 1 },
    ]);
    expect(s.byCategory[0]).toEqual({ category: 'fault_diagnosis', count: 2 });
    expect(s.breached).toEqual(['B']);
    expect(s.repeats).toEqual([{ systemCode: 'mnis', category: 'fault_diagnosis', departmentId: 1, tickets: ['A', 'B'] }]);
    expect(s.stillOpen).toEqual(['C', 'E']);
  });
});

describe('plans and templates', () => {
  const plan = { hospitalId: 1, templateCode: 'monthly_inspection', systemCodes: ['mnis'], recurrence: { dayOfMonth: 1, hour: 9, minute: 0, everyMonths: 1 }, engineerId: 3, reportDays: 7, startDate: '2026-07-01' };

  it('takes a plan and defaults the catch-up window to 7 days', () => {
    expect(planInput.parse(plan).catchupDays).toBe(7);
  });

  it('names each bad field', () => {
    const r = planInput.safeParse({ ...plan, recurrence: { ...plan.recurrence, dayOfMonth: 31, everyMonths: 5 }, startDate: '2026-13-01' });
    expect(r.success).toBe(false);
    const issues = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(issues).toEqual({ 'recurrence.dayOfMonth': 'plan.day_of_month', 'recurrence.everyMonths': 'plan.every_months', startDate: 'plan.start_date' });
  });

  it('fires in the months counted from the start month', () => {
    expect(planMonths('2026-07-01', 1)).toHaveLength(12);
    expect(planMonths('2026-02-15', 3)).toEqual([2, 5, 8, 11]);
    expect(planMonths('2026-11-01', 6)).toEqual([5, 11]);
  });

  it('has the seed’s seven inspection items in order, and unique item keys in every template', () => {
    expect(MONTHLY_INSPECTION.sections.map((s) => s.title)).toEqual([
      '巡检计划与巡检内容确定',
      '系统运行环境检查',
      '系统配置检查',
      '系统结构分析',
      '历史故障调查与问题汇总',
      '业务存储容量需求分析',
      '巡检总结报告与系统优化建议',
    ]);
    for (const template of BUILT_IN_TEMPLATES) {
      const keys = itemsOf(template).map((i) => i.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(itemsOf(template).filter((i) => i.kind === 'measurement').every((i) => i.unit)).toBe(true);
    }
  });
});
