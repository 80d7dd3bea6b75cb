import type { Channel, FaultLevel } from './catalogue';
import type { Role } from './roles';

/** Where a ticket is in the service flow (服务流程). */
export const STEPS = ['intake', 'triage', 'remote', 'dispatch', 'onsite', 'signature', 'archived', 'cancelled'] as const;
export type Step = (typeof STEPS)[number];

export const STATUSES = ['open', 'resolved', 'archived', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** Who did something: travels with every workflow step and lands in the event log. */
export interface Actor {
  userId: number;
  role: Role;
  displayName: string;
}

/** What intake knows about a request before anyone has triaged it. */
export interface TicketIntake {
  ticketNo: string;
  hospitalId: number;
  departmentId: number | null;
  systemCode: string;
  channel: Channel;
  /** The caller may already say how bad it is; triage decides. */
  faultLevel: FaultLevel | null;
  title: string;
  description: string;
  reporterName: string;
  reporterPhone: string | null;
  /** Receipt time: every SLA clock starts here, not when the workflow happened to start. */
  receivedAt: string;
  createdBy: Actor;
}

/** The state a ticket workflow exposes by query and returns from its updates. */
export interface TicketState {
  ticketNo: string;
  status: Status;
  step: Step;
  faultLevel: FaultLevel | null;
  receivedAt: string;
  intakeRecorded: boolean;
}

/** Business workflow ID: the ticket number itself, so a ticket can never run twice. */
export function ticketWorkflowId(ticketNo: string): string {
  return `ticket-${ticketNo}`;
}

/**
 * Ticket numbers read like the paper forms: SR-yyyymmdd-NNNNN, the date in the desk's time zone
 * (the hospital's working day), the serial from a database sequence so it never repeats.
 */
export function formatTicketNo(receivedAt: Date, serial: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(receivedAt)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `SR-${parts.year}${parts.month}${parts.day}-${String(serial).padStart(5, '0')}`;
}
