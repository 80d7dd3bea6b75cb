import type { z } from 'zod';
import { STEP_CHECKS } from '../domain/step-checks';
import {
  checkInInput,
  dispatchDecisionInput,
  escalationAckInput,
  levelInput,
  noteInput,
  reasonInput,
  reassignInput,
  remoteAttemptInput,
  repairFormInput,
  signatureInput,
  triageInput,
} from '../domain/ticket.schemas';
/** Realistic step inputs, as the console's forms send them. */
export const triage = (route: 'remote' | 'onsite', assigneeId: number, faultLevel: 1 | 2 | 3 | 4 = 2) => ({
  category: 'fault_diagnosis' as const,
  maintenanceType: 'corrective' as const,
  faultLevel,
  analysis: '移动护理 PDA 与服务器会话超时，初步判断为中间件连接池耗尽',
  plan: '远程检查连接池配置并重启服务；如不能解决安排现场',
  route,
  assigneeId,
});

export const resolvedRemotely = { outcome: 'resolved' as const, actions: '远程登录服务器，调整连接池上限并重启', solution: '连接池上限 50 → 200，已恢复' };
export const escalate = { outcome: 'escalate' as const, actions: '远程检查网络，无法连接院内交换机', reason: '需现场检查交换机与无线 AP' };
export const approve = (engineerId: number) => ({ decision: 'approve' as const, engineerId, plan: '今天 16:00 前到达重症医学科护士站' });
export const sendBack = { decision: 'send_back' as const, reason: '请先远程核对服务日志' };

export function repairForm(now = new Date()) {
  return {
    faultDescription: '护士站白板无法显示今日手术',
    cause: '白板客户端缓存损坏',
    handling: '清理缓存，重装白板客户端 3.2.1，核对与 HIS 接口',
    result: '白板显示恢复正常，护士长确认',
    partsReplaced: null,
    startedAt: new Date(now.getTime() - 3600_000).toISOString(),
    finishedAt: now.toISOString(),
  };
}

/** A tiny but real PNG (1x1, transparent), as a data URL like the signature pad produces. */
export const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const accept = { decision: 'accept' as const, signerName: '陈老师', signerDepartment: '信息科', image: PNG_DATA_URL };
export const refuse = { decision: 'refuse' as const, reason: '白板仍偶尔不刷新，请再次检查' };

/**
 * Every step's two checks with a complete sample: the workflow's (no zod, in the workflow
 * sandbox) and the API's zod schema. Tests that walk all steps' rules or messages share it.
 */
export const STEP_CASES: [name: string, check: (d: unknown) => unknown, schema: z.ZodType, valid: Record<string, unknown>][] = [
  ['triage', STEP_CHECKS.triage, triageInput, triage('onsite', 5)],
  ['remote resolved', STEP_CHECKS.remoteAttempt, remoteAttemptInput, resolvedRemotely],
  ['remote escalate', STEP_CHECKS.remoteAttempt, remoteAttemptInput, escalate],
  ['dispatch approve', STEP_CHECKS.dispatchDecision, dispatchDecisionInput, approve(5)],
  ['dispatch send back', STEP_CHECKS.dispatchDecision, dispatchDecisionInput, sendBack],
  ['check-in', STEP_CHECKS.checkIn, checkInInput, { note: '到达' }],
  ['repair form', STEP_CHECKS.repairForm, repairFormInput, repairForm()],
  ['sign', STEP_CHECKS.signature, signatureInput, accept],
  ['refuse', STEP_CHECKS.signature, signatureInput, refuse],
  ['escalation', STEP_CHECKS.acknowledgeEscalation, escalationAckInput, { note: '已处理' }],
  ['note', STEP_CHECKS.note, noteInput, { text: '备注', audience: 'internal' }],
  ['reason', STEP_CHECKS.reason, reasonInput, { reason: '原因' }],
  ['reassign', STEP_CHECKS.reassign, reassignInput, { assigneeId: 6, reason: '休假' }],
  ['level', STEP_CHECKS.level, levelInput, { faultLevel: 1, reason: '影响全院' }],
];
