import type { Category } from '../catalogue';
import type { Status } from '../ticket';

/**
 * 历史故障调查与问题汇总: compiled by the product from one hospital's requests of the period, so
 * the report says what the desk recorded, not what someone remembered.
 */

/** One request of the period as the compiler reads it (received in the period, that hospital's). */
export interface PeriodTicket {
  id: string;
  title: string;
  systemCode: string;
  category: Category | null;
  faultLevel: number | null;
  status: Status;
  departmentId: number | null;
  replyBreached: boolean;
  solutionBreached: boolean;
}

export interface FaultSummary {
  total: number;
  byLevel: { level: number | null; count: number }[];
  byCategory: { category: Category | null; count: number }[];
  /** Requests with a reply or solution deadline missed. */
  breached: string[];
  /** The same kind of fault (system and service item) in the same department more than once. */
  repeats: { systemCode: string; category: Category | null; departmentId: number | null; tickets: string[] }[];
  /** Still open or waiting for the hospital's signature when the summary was compiled. */
  stillOpen: string[];
}

function counted<K>(rows: readonly PeriodTicket[], key: (t: PeriodTicket) => K): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const t of rows) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count }));
}

// Known levels first (1 most urgent), not yet triaged last.
const byLevelOrder = (a: number | null, b: number | null) => (a ?? 99) - (b ?? 99);

export function faultSummary(rows: readonly PeriodTicket[]): FaultSummary {
  const tickets = rows.filter((t) => t.status !== 'cancelled');
  const groups = new Map<string, PeriodTicket[]>();
  for (const t of tickets) {
    const key = `${t.systemCode}|${t.category}|${t.departmentId}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return {
    total: tickets.length,
    byLevel: counted(tickets, (t) => t.faultLevel)
      .sort((a, b) => byLevelOrder(a.key, b.key))
      .map(({ key, count }) => ({ level: key, count })),
    byCategory: counted(tickets, (t) => t.category)
      .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)))
      .map(({ key, count }) => ({ category: key, count })),
    breached: tickets.filter((t) => t.replyBreached || t.solutionBreached).map((t) => t.id),
    repeats: [...groups.values()]
      .filter((g) => g.length > 1 && g[0].category !== null)
      .map((g) => ({ systemCode: g[0].systemCode, category: g[0].category, departmentId: g[0].departmentId, tickets: g.map((t) => t.id) })),
    stillOpen: tickets.filter((t) => t.status === 'open' || t.status === 'resolved').map((t) => t.id),
  };
}
