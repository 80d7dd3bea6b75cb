/**
 * Option lists for ticket fields: stored value + translation key (resolved by SelectInput/SelectField),
 * so switching locale relabels them. Values match domain/catalogue.ts and domain/ticket.ts.
 */
export interface Choice<T extends string | number = string> {
  id: T;
  name: string;
}

const choicesOf = <T extends string | number>(group: string, values: readonly T[]): Choice<T>[] =>
  values.map((id) => ({ id, name: `choices.${group}.${id}` }));

export const SYSTEM_CODES = ['mnis', 'nms', 'whiteboard'] as const;
export const CHANNELS = ['phone', 'im', 'email', 'portal', 'remote', 'onsite'] as const;
export const FAULT_LEVELS = [1, 2, 3, 4] as const;
export const STATUSES = ['open', 'resolved', 'archived', 'cancelled'] as const;
export const STEPS = ['intake', 'triage', 'remote', 'dispatch', 'onsite', 'signature', 'archived', 'cancelled'] as const;

export type SystemCode = (typeof SYSTEM_CODES)[number];
export type Channel = (typeof CHANNELS)[number];
export type FaultLevel = (typeof FAULT_LEVELS)[number];
export type Status = (typeof STATUSES)[number];
export type Step = (typeof STEPS)[number];

export const systemChoices = choicesOf('system', SYSTEM_CODES);
export const channelChoices = choicesOf('channel', CHANNELS);
export const faultLevelChoices = choicesOf('faultLevel', FAULT_LEVELS);
export const statusChoices = choicesOf('status', STATUSES);
export const stepChoices = choicesOf('step', STEPS);
