import { mayWork as workflowMayWork, maySign } from '../../../domain/ticket-rules';
import type { DeskIdentity } from '../authProvider';
import type { Task } from './types';

/**
 * The workflow's own rules (domain/ticket-rules.ts), so the console offers only what it would accept:
 * the assignee works a task; while unassigned anyone of its role may; the hospital signs its own forms.
 */
export const mayWork = (task: Pick<Task, 'status' | 'kind' | 'assigneeId' | 'candidateRole' | 'hospitalId'>, me: DeskIdentity | undefined, ticketHospitalId?: number): boolean => {
  if (!me || task.status !== 'open' || task.kind === 'workflow_lost') return false;
  if (task.kind === 'signature') {
    const hospitalId = task.hospitalId ?? ticketHospitalId;
    return hospitalId === undefined ? me.role === 'hospital_contact' : maySign(hospitalId, me);
  }
  return workflowMayWork(task, { userId: me.id, role: me.role }) === null;
};

export const mayClaim = (task: Pick<Task, 'status' | 'kind' | 'assigneeId' | 'candidateRole'>, me: DeskIdentity | undefined): boolean =>
  !!me && task.status === 'open' && task.kind !== 'signature' && task.kind !== 'workflow_lost' && task.assigneeId === null && task.candidateRole === me.role;
