import { Hospital, HospitalSystem, NursingSystem, SlaPolicy, User } from '../db/entities';
import type { Orm } from '../db/orm';
import type { FaultLevel } from '../domain/catalogue';
import type { SlaTarget } from '../domain/sla';
import type { Actor } from '../domain/ticket';

let hospitalSerial = 0;

type LevelTerms = Partial<SlaTarget> & Pick<SlaTarget, 'replySeconds'>;

/**
 * A hospital with its own contract terms, in seconds, so SLA warnings, breaches and reminders
 * happen during a test on the real server (the time-skipping server is not available here).
 * `terms` applies to every level; `perLevel` overrides single levels.
 */
export async function hospitalWithPolicy(
  orm: Orm,
  terms: LevelTerms,
  perLevel: Partial<Record<FaultLevel, LevelTerms>> = {},
): Promise<{ hospitalId: number; contact: Actor }> {
  const em = orm.em.fork();
  hospitalSerial += 1;
  const code = `T${process.pid}${Date.now().toString(36)}${hospitalSerial}`.slice(0, 32);
  const hospital = em.create(Hospital, { code, name: `测试医院 ${code}` });
  for (const system of ['mnis', 'nms', 'whiteboard']) em.create(HospitalSystem, { hospital, system: em.getReference(NursingSystem, system) });
  for (const level of [1, 2, 3, 4] as FaultLevel[]) {
    const t = { ...terms, ...perLevel[level] };
    em.create(SlaPolicy, {
      name: 'test',
      hospital,
      level,
      replySeconds: t.replySeconds,
      firstSolutionSeconds: t.firstSolutionSeconds ?? null,
      warnAt: t.warnAt ?? [],
      unclaimedReminderSeconds: t.unclaimedReminderSeconds ?? 3600,
      signatureReminderSeconds: t.signatureReminderSeconds ?? 3600,
    });
  }
  const contact = em.create(User, { username: `${code}-contact`.toLowerCase(), displayName: '测试联系人', role: 'hospital_contact', hospital, passwordHash: 'scrypt$1$1$1$x$x' });
  await em.flush();
  return { hospitalId: hospital.id, contact: { userId: contact.id, role: 'hospital_contact', displayName: contact.displayName, hospitalId: hospital.id } };
}
