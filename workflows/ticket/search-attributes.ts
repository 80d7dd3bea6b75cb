import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import type { TicketSnapshot } from '../../domain/projection';
import type { SlaTarget } from '../../domain/sla';
import type { TicketIntake, TicketState } from '../../domain/ticket';
import { snapshotOf } from './rows';
import { TicketMachine } from './machine';

/** Typed keys for the attributes declared in temporal.yaml; names must match that file. */
export const SA = {
  ticketNo: defineSearchAttributeKey('TicketNo', SearchAttributeType.KEYWORD),
  hospitalId: defineSearchAttributeKey('HospitalId', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('TicketStatus', SearchAttributeType.KEYWORD),
  faultLevel: defineSearchAttributeKey('FaultLevel', SearchAttributeType.INT),
  replyDueAt: defineSearchAttributeKey('ReplyDueAt', SearchAttributeType.DATETIME),
  solutionDueAt: defineSearchAttributeKey('SolutionDueAt', SearchAttributeType.DATETIME),
  slaBreached: defineSearchAttributeKey('SlaBreached', SearchAttributeType.BOOL),
} as const;

/** The attributes that follow the ticket: what operators filter on, not a copy of every step. */
export const TRACKED = [SA.status, SA.faultLevel, SA.replyDueAt, SA.solutionDueAt, SA.slaBreached] as const;
export type Tracked = (typeof TRACKED)[number];

/** Their values for a ticket as it stands; null removes one. Open until archived: a resolved ticket is seconds from it. */
export function trackedValues(s: TicketSnapshot): Map<Tracked, string | number | boolean | null> {
  return new Map<Tracked, string | number | boolean | null>([
    [SA.status, s.status === 'resolved' ? 'open' : s.status],
    [SA.faultLevel, s.faultLevel],
    [SA.replyDueAt, s.replyDueAt],
    [SA.solutionDueAt, s.solutionDueAt],
    [SA.slaBreached, s.replyBreached || s.solutionBreached],
  ]);
}

/** A value as Temporal takes it: dates as Date. */
export function typedValue(key: Tracked, value: string | number | boolean | null): unknown {
  return value !== null && key.type === SearchAttributeType.DATETIME ? new Date(value as number) : value;
}

/**
 * What a ticket's start request sets: who it is, and its first deadlines as the workflow computes
 * them from the same terms, so the workflow upserts nothing before the ticket's first change.
 */
export function startSearchAttributes(intake: TicketIntake, targets: readonly SlaTarget[], resumeFrom?: TicketState): SearchAttributePair[] {
  const receivedAt = Date.parse(intake.receivedAt);
  // A restarted run starts with the attributes of the state it carries on from.
  const first = trackedValues(resumeFrom ? snapshotOf(resumeFrom, resumeFrom.sla.receivedAt) : new TicketMachine(intake, targets, () => receivedAt).snapshot());
  const pairs: SearchAttributePair[] = [
    { key: SA.ticketNo, value: intake.ticketNo },
    { key: SA.hospitalId, value: String(intake.hospitalId) },
  ];
  for (const [key, value] of first) if (value !== null) pairs.push({ key, value: typedValue(key, value) } as SearchAttributePair);
  return pairs;
}
