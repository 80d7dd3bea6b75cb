import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Typed keys for the attributes declared in temporal.yaml; names must match that file. */
export const SA = {
  ticketNo: defineSearchAttributeKey('TicketNo', SearchAttributeType.KEYWORD),
  hospitalId: defineSearchAttributeKey('HospitalId', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('TicketStatus', SearchAttributeType.KEYWORD),
  step: defineSearchAttributeKey('TicketStep', SearchAttributeType.KEYWORD),
  assigneeId: defineSearchAttributeKey('AssigneeId', SearchAttributeType.KEYWORD),
  faultLevel: defineSearchAttributeKey('FaultLevel', SearchAttributeType.INT),
  replyDueAt: defineSearchAttributeKey('ReplyDueAt', SearchAttributeType.DATETIME),
  solutionDueAt: defineSearchAttributeKey('SolutionDueAt', SearchAttributeType.DATETIME),
  slaBreached: defineSearchAttributeKey('SlaBreached', SearchAttributeType.BOOL),
} as const;
