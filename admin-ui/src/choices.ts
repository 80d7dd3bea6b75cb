/**
 * Option lists: stored value + translation key (resolved by SelectInput/SelectField/ChoicesChip),
 * so switching locale relabels them. Values match domain/catalogue.ts, domain/ticket.ts and domain/roles.ts.
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
/** 服务项目. */
export const CATEGORIES = [
  'fault_diagnosis',
  'usage_guidance',
  'maintenance_training',
  'software_installation',
  'data_correction',
  'data_backup',
  'data_recovery',
  'interface_optimisation',
  'module_change',
  'interface_integration',
  'system_inspection',
] as const;
/** 服务范围. */
export const MAINTENANCE_TYPES = [
  'corrective',
  'perfective',
  'adaptive',
  'preventive',
  'consulting',
  'training',
  'periodic_exchange',
  'documentation',
  'policy_interface',
] as const;
export const TASK_KINDS = ['triage', 'remote', 'dispatch', 'checkin', 'repair_form', 'signature', 'escalation'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const ROLES = ['admin', 'manager', 'dispatcher', 'engineer', 'hospital_contact'] as const;
export const CLOCKS = ['reply', 'firstSolution'] as const;
export const ROUTES = ['remote', 'onsite'] as const;
export const REMOTE_OUTCOMES = ['resolved', 'escalate'] as const;
export const DISPATCH_DECISIONS = ['approve', 'send_back'] as const;
export const SIGNATURE_DECISIONS = ['accept', 'refuse'] as const;

export type SystemCode = (typeof SYSTEM_CODES)[number];
export type Channel = (typeof CHANNELS)[number];
export type FaultLevel = (typeof FAULT_LEVELS)[number];
export type Status = (typeof STATUSES)[number];
export type Step = (typeof STEPS)[number];
export type Category = (typeof CATEGORIES)[number];
export type MaintenanceType = (typeof MAINTENANCE_TYPES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type Role = (typeof ROLES)[number];
export type ClockName = (typeof CLOCKS)[number];

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
