import type { Channel, FaultLevel, Status, Step, SystemCode } from '../choices';

/** A ticket as GET /api/tickets and /api/tickets/:id return it; `id` is the ticket number (问题单号). */
export interface Ticket {
  id: string;
  hospitalId: number;
  hospitalName: string;
  departmentId: number | null;
  departmentName: string | null;
  systemCode: SystemCode;
  channel: Channel;
  faultLevel: FaultLevel | null;
  title: string;
  description: string;
  reporterName: string;
  reporterPhone: string | null;
  status: Status;
  step: Step;
  receivedAt: string;
  replyDueAt: string | null;
}
