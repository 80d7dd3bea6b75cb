import { z } from '@hono/zod-openapi';
import { sql } from '../../db/sql';
import { BOARD_MAX_MONTHS, cellState, monthsFrom, mostPressing, type BoardState } from '../../domain/inspection/board';
import type { InspectionStatus } from '../../domain/inspection/occurrence';
import { addMonths, isPeriod, monthsBetween, periodOf, type Period } from '../../domain/inspection/period';
import type { Recurrence } from '../../domain/inspection/plan.schemas';
import type { TemplateCode } from '../../domain/inspection/templates';
import { said } from '../../domain/messages';
import { localDateTime } from '../../platform/local-time';
import type { AppDeps } from '../env';
import { queryError } from '../list-query';
import { newRouter, route } from '../route';

const month = (name: string) =>
  z
    .string()
    .refine(isPeriod, 'plan.period')
    .optional()
    .openapi({ param: { description: `${name} month, YYYY-MM` }, example: '2026-12' });

const board = route({
  method: 'get',
  path: '/board',
  operationId: 'getInspectionBoard',
  tag: 'inspections',
  summary: 'The inspection board: hospitals × months × plans, each cell’s state',
  description: [
    `Months from \`from\` to \`to\` (at most ${BOARD_MAX_MONTHS}; by default the nine before this one, this one and the next two). Vendor staff see every hospital; a hospital contact their own.`,
    'Cell states: `done` (archived), `signature` (waiting for the hospital’s signature), `in_progress` (planned, on site, in review), `late` (report due date passed, not archived), `missing` (an active plan’s schedule should have fired that month and no inspection exists: backfill or run it), `failed` (its run ended failed: PostgreSQL refused a write; the managers were told), `scheduled` (due later), `paused` (the plan is paused), `cancelled`, `none` (no plan due).',
    'Each hospital’s `months` give the most pressing state of its plans that month.',
  ].join('\n\n'),
  request: { query: z.object({ from: month('First'), to: month('Last') }) },
});

interface PlanRow {
  id: number;
  hospital_id: number;
  template_code: TemplateCode;
  recurrence: Recurrence;
  start_date: string;
  paused: boolean;
}
interface OccurrenceRow {
  id: number;
  plan_id: number;
  period: Period;
  status: InspectionStatus;
  report_due_date: string;
  workflow_state: string | null;
}

interface Cell {
  period: Period;
  state: BoardState;
  inspectionId: number | null;
}

export function inspectionBoardRoutes(deps: Pick<AppDeps, 'timeZone'>) {
  const r = newRouter();
  r.openapi(board, async (c) => {
    const user = c.get('user');
    const em = c.get('em');
    const q = c.req.valid('query');
    const thisMonth = periodOf(new Date(), deps.timeZone);
    // Twelve months: by default the nine before this one, this one and the next two.
    const from = (q.from ?? (q.to ? addMonths(q.to as Period, -11) : addMonths(thisMonth, -9))) as Period;
    const to = (q.to ?? addMonths(from, 11)) as Period;
    const span = monthsBetween(from, to) + 1;
    if (span < 1 || span > BOARD_MAX_MONTHS) throw queryError('to', said('board.range', { max: BOARD_MAX_MONTHS }));
    const months = monthsFrom(from, to);

    // A hospital contact's board is their hospital's row; vendor staff see every hospital.
    const own = user.role === 'hospital_contact' ? (user.hospitalId ?? -1) : null;
    const only = own === null ? '' : 'where h.id = ?';
    const params = own === null ? [] : [own];
    const [hospitals, plans, occurrences] = await Promise.all([
      sql<{ id: number; name: string }>(em, `select h.id, h.name from hospitals h ${only} order by h.name, h.id`, params),
      sql<PlanRow>(em, `select p.id, p.hospital_id, p.template_code, p.recurrence, p.start_date, p.paused from inspection_plans p join hospitals h on h.id = p.hospital_id ${only} order by p.id`, params),
      sql<OccurrenceRow>(
        em,
        `select i.id, i.plan_id, i.period, i.status, i.report_due_date, i.workflow_state from inspections i join hospitals h on h.id = i.hospital_id
         where i.period between ? and ? ${own === null ? '' : 'and h.id = ?'}`,
        [from, to, ...params],
      ),
    ]);

    const now = localDateTime(new Date(), deps.timeZone).replace(' ', 'T');
    const byPlanMonth = new Map(occurrences.map((o) => [`${o.plan_id}|${o.period}`, o]));
    const plansOf = new Map<number, PlanRow[]>();
    for (const p of plans) plansOf.set(p.hospital_id, [...(plansOf.get(p.hospital_id) ?? []), p]);

    const rows = hospitals.map((h) => {
      const hospitalPlans = (plansOf.get(h.id) ?? []).map((p) => {
        const plan = { recurrence: p.recurrence, startDate: p.start_date, paused: p.paused };
        const cells: Cell[] = months.map((period) => {
          const o = byPlanMonth.get(`${p.id}|${period}`);
          return { period, state: cellState(plan, period, o && { status: o.status, reportDueDate: o.report_due_date, failed: o.workflow_state !== null }, now), inspectionId: o?.id ?? null };
        });
        return { id: p.id, templateCode: p.template_code, paused: p.paused, cells };
      });
      return {
        id: h.id,
        name: h.name,
        months: months.map((period, i) => ({ period, state: mostPressing(hospitalPlans.map((p) => p.cells[i].state)) })),
        plans: hospitalPlans,
      };
    });
    return c.json({ from, to, months, today: now.slice(0, 10), hospitals: rows });
  });
  return r;
}
