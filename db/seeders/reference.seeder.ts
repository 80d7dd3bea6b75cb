import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { NURSING_SYSTEMS } from '../../domain/catalogue';
import { DEFAULT_SLA_TARGETS } from '../../domain/sla';
import { NursingSystem, SlaPolicy } from '../entities';

/**
 * What every desk needs, demo or not: the three nursing systems under maintenance and the seed
 * document's default SLA policy. Each part only where it is missing, so it runs at every start.
 */
export class ReferenceSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    if ((await em.count(NursingSystem, {})) === 0) for (const s of NURSING_SYSTEMS) em.create(NursingSystem, { ...s });
    if ((await em.count(SlaPolicy, { hospital: null })) === 0) {
      for (const t of DEFAULT_SLA_TARGETS) {
        em.create(SlaPolicy, {
          name: '默认服务响应承诺',
          hospital: null,
          level: t.level,
          replySeconds: t.replySeconds,
          firstSolutionSeconds: t.firstSolutionSeconds,
          warnAt: t.warnAt,
          unclaimedReminderSeconds: t.unclaimedReminderSeconds,
          signatureReminderSeconds: t.signatureReminderSeconds,
        });
      }
    }
    await em.flush();
  }
}
