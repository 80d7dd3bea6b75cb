import { Department } from './department.entity';
import { Hospital } from './hospital.entity';
import { HospitalSystem, NursingSystem } from './nursing-system.entity';
import { SlaPolicy } from './sla-policy.entity';
import { Ticket, TicketEvent } from './ticket.entity';
import { User, UserSession } from './user.entity';

export * from './department.entity';
export * from './hospital.entity';
export * from './nursing-system.entity';
export * from './sla-policy.entity';
export * from './ticket.entity';
export * from './user.entity';

export const ENTITIES = [Hospital, Department, NursingSystem, HospitalSystem, User, UserSession, SlaPolicy, Ticket, TicketEvent];
