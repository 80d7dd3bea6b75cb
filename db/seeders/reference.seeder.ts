import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { NURSING_SYSTEMS } from '../../domain/catalogue';
import { DEFAULT_SLA_TARGETS } from '../../domain/sla';
import { BUILT_IN_TEMPLATES } from '../../domain/inspection/templates';
import { InspectionTemplate, NursingSystem, SlaPolicy } from '../entities';

/**
 * What every desk needs, demo or not: the three nursing systems under maintenance and the seed
 * document's default SLA policy, the first version of each report template. Each part only where
 * it is missing, so it runs at every start.
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
    for (const t of BUILT_IN_TEMPLATES) {
      if (!(await em.count(InspectionTemplate, { code: t.code }))) em.create(InspectionTemplate, { code: t.code, version: t.version, title: t.title, sections: t.sections, createdBy: null });
    }
    await em.flush();
  }
}
