import type { DeskIdentity } from '../authProvider';
import type { Task } from './types';

/**
 * The workflow's own rule (domain/ticket-rules.ts), so the console offers only what it would accept:
 * the assignee works a task; while unassigned anyone of its role may; the hospital signs its own forms.
 */
export const mayWork = (task: Pick<Task, 'status' | 'kind' | 'assigneeId' | 'candidateRole' | 'hospitalId'>, me: DeskIdentity | undefined, ticketHospitalId?: number): boolean => {
  if (!me || task.status !== 'open') return false;
  if (task.kind === 'signature') {
    const hospitalId = task.hospitalId ?? ticketHospitalId;
    return me.role === 'hospital_contact' && (hospitalId === undefined || hospitalId === me.hospitalId);
  }
  if (task.assigneeId !== null) return task.assigneeId === me.id;
  return task.candidateRole === me.role;
};

export const mayClaim = (task: Pick<Task, 'status' | 'kind' | 'assigneeId' | 'candidateRole'>, me: DeskIdentity | undefined): boolean =>
  !!me && task.status === 'open' && task.kind !== 'signature' && task.assigneeId === null && task.candidateRole === me.role;
