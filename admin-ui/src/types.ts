import type { ClockName, FaultLevel, Role } from './choices';
import type { NotificationKind, ParamValue, Said } from '../../domain/messages';

export interface ActorRef {
  userId: number;
  role: Role;
  displayName: string;
  hospitalId?: number | null;
}

export interface TimelineEntry {
  eventId: number;
  at: string;
  kind: 'started' | 'step' | 'step-refused' | 'activity' | 'activity-failed' | 'timer' | 'completed' | 'failed';
  name: string;
  actor?: ActorRef | null;
  data?: unknown;
  outcome?: string;
  refusal?: Said;
}

export interface TicketHistory {
  ticketId: string;
  workflowId: string;
  source: 'temporal' | 'archive';
  timeline: TimelineEntry[];
}

export interface DeskConfig {
  temporalUiUrl: string | null;
  namespace: string;
}

export interface DashboardStats {
  openByLevelAndStep: { level: FaultLevel | null; step: string; count: number }[];
  complianceThisMonth: { level: FaultLevel | null; clock: ClockName; met: number; missed: number; pending: number }[];
  breachesThisMonth: number;
  openEscalations: number;
  /** Open requests whose workflow was lost (reconciliation). */
  workflowsLost: number;
  bySystem: { systemCode: string; count: number }[];
  byCategory: { category: string | null; count: number }[];
  engineerWorkload: { userId: number; displayName: string; open: number }[];
}

export interface ArchiveVerification {
  records: number;
  problems: (Said & { seq: number; ticketId: string; problem: string })[];
}

export interface DeskNotification {
  id: string;
  /** What it is about: a ticket, or an inspection. */
  ticketId: string | null;
  inspectionId: number | null;
  kind: NotificationKind;
  params: Record<string, ParamValue>;
  createdAt: string;
  readAt: string | null;
}
