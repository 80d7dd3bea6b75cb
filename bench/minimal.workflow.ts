import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The baseline: a workflow that does nothing but accept Updates, measured through the bare client. */
export const stepUpdate = defineUpdate<number, [number]>('step');
export const finishUpdate = defineUpdate<void>('finish');

export async function minimalWorkflow(): Promise<void> {
  let steps = 0;
  let finished = false;
  setHandler(stepUpdate, (n: number) => {
    steps += n;
    return steps;
  });
  setHandler(finishUpdate, () => {
    finished = true;
  });
  await condition(() => finished);
}

/** The baseline of benchmark 6: what a schedule starts when the started run does nothing at all. */
export async function emptyWorkflow(): Promise<void> {}
