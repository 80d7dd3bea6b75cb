import { condition, defineUpdate, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const stepUpdate = defineUpdate<unknown, [number]>('step');
export const finishUpdate = defineUpdate<void>('finish');
const STEP = defineSearchAttributeKey('TicketStatus', SearchAttributeType.KEYWORD);
const acts = proxyActivities<{ noop(x: unknown): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

export interface Variant { sa?: number; timer?: boolean; activities?: number; payload?: number; argPayload?: number }

export async function variantWorkflow(v: Variant, _arg?: string): Promise<void> {
  let steps = 0;
  let finished = false;
  const pad = v.payload ? 'x'.repeat(v.payload) : undefined;
  setHandler(stepUpdate, (n: number) => {
    steps += n;
    for (let i = 0; i < (v.sa ?? 0); i++) upsertSearchAttributes([{ key: STEP, value: `s${steps}-${i}` }]);
    return pad ? { steps, pad } : steps;
  });
  setHandler(finishUpdate, () => {
    finished = true;
  });
  if (v.timer) {
    // A deadline that moves at every step: cancel + start per Update.
    for (;;) {
      const seen = steps;
      if (await condition(() => finished || steps !== seen, 3_600_000 + steps * 1000)) {
        if (finished) break;
        continue;
      }
    }
  } else {
    await condition(() => finished);
  }
  for (let i = 0; i < (v.activities ?? 0); i++) await acts.noop(pad ?? null);
}
