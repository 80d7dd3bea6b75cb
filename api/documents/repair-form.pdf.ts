import { domainChinese } from '../../admin-ui/src/i18n/domain.zh-CN';
import type { IArchiveRecord, ITicket } from '../../db/entities';
import { NURSING_SYSTEMS } from '../../domain/catalogue';
import type { RepairForm, Signature, TicketState } from '../../domain/ticket';
import { verificationCode } from '../../domain/verification-code';
import { DocumentBuilder } from '../../platform/documents/document';
import { localDateTime } from '../../platform/local-time';

// The console's own Chinese words, so the paper and the screen name each field alike.
const words = domainChinese;
const field = words.desk.fields;
const ticketField = words.resources.tickets.fields;

/**
 * 系统维修单 as the hospital signed it, from its archive record (what was signed, kept unchanged)
 * and the ticket's row (the hospital's and department's names): the request, the on-site record,
 * the signature, and the code that finds the record again.
 */
export function repairFormPdf(ticket: ITicket, record: IArchiveRecord, timeZone: string): Promise<Buffer> {
  const state = record.ticket as unknown as TicketState;
  const form = record.repairForm as unknown as RepairForm;
  const signature = record.signature as unknown as Signature;
  const at = (v: Date | string | number | null | undefined) => localDateTime(v, timeZone);
  const code = verificationCode(record.hash);
  const system = NURSING_SYSTEMS.find((s) => s.code === ticket.system.code);
  const level = state.faultLevel ?? ticket.faultLevel;
  return new DocumentBuilder({ title: `系统维修单 ${ticket.id}`, subject: words.resources['archive-records'].fields.repairForm, author: words.app.title })
    .title('系统维修单', `${ticketField.id} ${ticket.id}`, ticket.hospital.getEntity().name)
    .fields('服务请求', [
      [ticketField.id, ticket.id],
      [ticketField.hospitalName, ticket.hospital.getEntity().name],
      [ticketField.departmentName, ticket.department?.getEntity().name],
      [ticketField.systemCode, system?.nameZh ?? ticket.system.code],
      [ticketField.faultLevel, level ? words.choices.faultLevel[level as 1 | 2 | 3 | 4] : null],
      [ticketField.title, ticket.title],
      [ticketField.reporterName, ticket.reporterName],
      [ticketField.reporterPhone, ticket.reporterPhone],
      [ticketField.receivedAt, at(ticket.receivedAt)],
    ])
    .fields('维修记录', [
      [field.faultDescription, form.faultDescription],
      [field.cause, form.cause],
      [field.handling, form.handling],
      [field.result, form.result],
      [field.partsReplaced, form.partsReplaced],
      [field.startedAt, at(form.startedAt)],
      [field.finishedAt, at(form.finishedAt)],
      [field.engineerId, form.by.displayName],
    ])
    .fields('医院签字确认', [
      [field.signerName, signature.signerName],
      [field.signerDepartment, signature.signerDepartment],
      [field.signedAt, at(signature.at)],
      [field.image, { image: signature.image, height: 80 }],
    ])
    .note(
      `本维修单由${words.app.title}根据${words.resources['archive-records'].name}第 ${record.seq} 号记录生成（归档时间 ${at(record.archivedAt)}）。` +
        `核对真伪：登录服务台，打开“验证维修单”，输入验证码 ${code}。`,
    )
    .setFooter({ text: `${words.app.title} · ${ticket.id}`, verificationCode: { label: '验证码', code } })
    .toBuffer();
}
