import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import { clocksForLevel, dueAtOf, targetFor, type SlaState, type SlaTarget } from '../domain/sla';
import { PROVISIONAL_LEVEL, type TicketIntake } from '../domain/ticket';

/** Typed keys for the attributes declared in temporal.yaml; names must match that file. */
export const SA = {
  ticketNo: defineSearchAttributeKey('TicketNo', SearchAttributeType.KEYWORD),
  hospitalId: defineSearchAttributeKey('HospitalId', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('TicketStatus', SearchAttributeType.KEYWORD),
  /** Kept up to date only by tickets from before lean-history. */
  step: defineSearchAttributeKey('TicketStep', SearchAttributeType.KEYWORD),
  /** Kept up to date only by tickets from before lean-history. */
  assigneeId: defineSearchAttributeKey('AssigneeId', SearchAttributeType.KEYWORD),
  faultLevel: defineSearchAttributeKey('FaultLevel', SearchAttributeType.INT),
  replyDueAt: defineSearchAttributeKey('ReplyDueAt', SearchAttributeType.DATETIME),
  solutionDueAt: defineSearchAttributeKey('SolutionDueAt', SearchAttributeType.DATETIME),
  slaBreached: defineSearchAttributeKey('SlaBreached', SearchAttributeType.BOOL),
} as const;

/**
 * What a ticket's start request sets: who it is, and its first deadlines as the workflow will
 * compute them from the same terms (it upserts only what differs, so a ticket costs no upsert
 * before its first change).
 */
export function startSearchAttributes(intake: TicketIntake, targets?: readonly SlaTarget[]): SearchAttributePair[] {
  const pairs: SearchAttributePair[] = [
    { key: SA.ticketNo, value: intake.ticketNo },
    { key: SA.hospitalId, value: String(intake.hospitalId) },
    { key: SA.status, value: 'open' },
    { key: SA.slaBreached, value: false },
  ];
  if (intake.faultLevel) pairs.push({ key: SA.faultLevel, value: intake.faultLevel });
  if (targets?.length) {
    const receivedAt = Date.parse(intake.receivedAt);
    const sla: SlaState = { receivedAt, level: intake.faultLevel, clocks: [], pausedMs: 0, pausedSince: null };
    sla.clocks = clocksForLevel(sla, targetFor(targets, intake.faultLevel ?? PROVISIONAL_LEVEL), receivedAt);
    const reply = dueAtOf(sla, 'reply');
    const solution = dueAtOf(sla, 'firstSolution');
    if (reply !== null) pairs.push({ key: SA.replyDueAt, value: new Date(reply) });
    if (solution !== null) pairs.push({ key: SA.solutionDueAt, value: new Date(solution) });
  }
  return pairs;
}
