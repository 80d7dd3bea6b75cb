import { Department } from './department.entity';
import { Hospital } from './hospital.entity';
import { HospitalSystem, NursingSystem } from './nursing-system.entity';
import { SlaPolicy } from './sla-policy.entity';
import { Escalation, Notification, Ticket, TicketEvent, TicketTask } from './ticket.entity';
import { ArchiveRecord } from './archive-record.entity';
import { Attachment, StoredFile } from './attachment.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { SavedView } from './saved-view.entity';
import { Inspection, InspectionEvent, InspectionPlan, InspectionTemplate, InspectionTicket } from './inspection.entity';
import { User, UserSession } from './user.entity';
import { WorkerHeartbeat } from './worker-heartbeat.entity';

export * from './archive-record.entity';
export * from './attachment.entity';
export * from './department.entity';
export * from './hospital.entity';
export * from './idempotency-key.entity';
export * from './inspection.entity';
export * from './nursing-system.entity';
export * from './saved-view.entity';
export * from './sla-policy.entity';
export * from './ticket.entity';
export * from './user.entity';
export * from './worker-heartbeat.entity';

export const ENTITIES = [Hospital, Department, NursingSystem, HospitalSystem, User, UserSession, SlaPolicy, Ticket, TicketEvent, TicketTask, Escalation, Notification, ArchiveRecord, IdempotencyKey, WorkerHeartbeat, SavedView, InspectionTemplate, InspectionPlan, Inspection, InspectionEvent, InspectionTicket, Attachment, StoredFile];
