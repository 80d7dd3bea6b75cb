import type { CreateTicketBody } from '../domain/ticket.schemas';

/** The body of `POST /api/tickets`: a phoned-in level-2 request at hospital 1, with `fields` instead where given. */
export function newTicketBody(fields: Partial<CreateTicketBody> = {}): CreateTicketBody {
  return { hospitalId: 1, systemCode: 'mnis', channel: 'phone', faultLevel: 2, title: '无法登录', description: 'PDA 登录超时', reporterName: '王护士长', ...fields };
}
