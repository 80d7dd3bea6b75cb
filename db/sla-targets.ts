import type { EntityManager } from '@mikro-orm/postgresql';
import type { FaultLevel } from '../domain/catalogue';
import type { SlaTarget } from '../domain/sla';
import { SlaPolicy } from './entities';

/** The hospital's own contract terms per level, falling back to the vendor default per level. */
export async function loadSlaTargets(em: EntityManager, hospitalId: number): Promise<SlaTarget[]> {
  const rows = await em.find(SlaPolicy, { $or: [{ hospital: hospitalId }, { hospital: null }] }, { orderBy: { level: 'asc' } });
  const byLevel = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const own = r.hospital !== null && r.hospital !== undefined;
    if (own || !byLevel.has(r.level)) byLevel.set(r.level, r);
  }
  return [...byLevel.values()].map((r) => ({
    level: r.level as FaultLevel,
    replySeconds: r.replySeconds,
    firstSolutionSeconds: r.firstSolutionSeconds ?? null,
    warnAt: r.warnAt,
    unclaimedReminderSeconds: r.unclaimedReminderSeconds,
    signatureReminderSeconds: r.signatureReminderSeconds,
  }));
}
