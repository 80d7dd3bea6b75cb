import { CATEGORIES, CHANNELS, FAULT_LEVELS, MAINTENANCE_TYPES, NURSING_SYSTEMS } from '../../domain/catalogue';
import { ROLES } from '../../domain/roles';
import { CLOCKS } from '../../domain/sla';
import { DISPATCH_DECISIONS, NOTE_AUDIENCES, REMOTE_OUTCOMES, ROUTES, SIGNATURE_DECISIONS, STATUSES, STEPS, TASK_KINDS, TASK_STATUSES } from '../../domain/ticket';

/**
 * Option lists: stored value + translation key (resolved by SelectInput/SelectField/ChoicesChip),
 * so switching locale relabels them. The values are the server's own (domain/).
 */
export interface Choice<T extends string | number = string> {
  id: T;
  name: string;
}

const choicesOf = <T extends string | number>(group: string, values: readonly T[]): Choice<T>[] =>
  values.map((id) => ({ id, name: `choices.${group}.${id}` }));

export { CATEGORIES, CHANNELS, CLOCKS, FAULT_LEVELS, MAINTENANCE_TYPES, ROLES, STATUSES, STEPS, TASK_KINDS, TASK_STATUSES };
export const SYSTEM_CODES = NURSING_SYSTEMS.map((s) => s.code);
export type { Category, Channel, FaultLevel, MaintenanceType } from '../../domain/catalogue';
export type { Role } from '../../domain/roles';
export type { ClockName } from '../../domain/sla';
export type { DeskTaskKind, Status, Step, TaskKind, TaskStatus } from '../../domain/ticket';
export type SystemCode = (typeof NURSING_SYSTEMS)[number]['code'];

export const systemChoices = choicesOf('system', SYSTEM_CODES);
export const channelChoices = choicesOf('channel', CHANNELS);
export const faultLevelChoices = choicesOf('faultLevel', FAULT_LEVELS);
export const statusChoices = choicesOf('status', STATUSES);
export const stepChoices = choicesOf('step', STEPS);
export const categoryChoices = choicesOf('category', CATEGORIES);
export const maintenanceTypeChoices = choicesOf('maintenanceType', MAINTENANCE_TYPES);
export const taskKindChoices = choicesOf('taskKind', TASK_KINDS);
export const taskStatusChoices = choicesOf('taskStatus', TASK_STATUSES);
export const roleChoices = choicesOf('role', ROLES);
export const clockChoices = choicesOf('clock', CLOCKS);
export const routeChoices = choicesOf('route', ROUTES);
export const remoteOutcomeChoices = choicesOf('remoteOutcome', REMOTE_OUTCOMES);
export const dispatchDecisionChoices = choicesOf('dispatchDecision', DISPATCH_DECISIONS);
export const signatureDecisionChoices = choicesOf('signatureDecision', SIGNATURE_DECISIONS);
export const noteAudienceChoices = choicesOf('noteAudience', NOTE_AUDIENCES);
