import { domainChinese } from '../../admin-ui/src/i18n/domain.zh-CN';
import type { IArchiveRecord, IInspection } from '../../db/entities';
import { NURSING_SYSTEMS, type Category, type FaultLevel } from '../../domain/catalogue';
import type { InspectionReport, SignatureRecord } from '../../domain/inspection/record';
import type { ItemAnswer } from '../../domain/inspection/steps';
import type { InspectionTemplate, TemplateItem } from '../../domain/inspection/templates';
import { verificationCode } from '../../domain/verification-code';
import { DocumentBuilder, type Field } from '../../platform/documents/document';
import { localDateTime } from '../../platform/local-time';

const words = domainChinese;
const RESULT: Record<string, string> = { ok: '正常', warning: '警告', fault: '故障' };
const STATUS: Record<string, string> = { planned: '待确认', on_site: '现场巡检', review: '待审核', signature: '待签字', archived: '已归档', cancelled: '已取消' };

const systemName = (code: string) => NURSING_SYSTEMS.find((s) => s.code === code)?.nameZh ?? code;
const level = (l: number | null) => (l ? words.choices.faultLevel[l as FaultLevel] : '未分级');
const category = (c: string | null) => (c ? (words.choices.category[c as Category] ?? c) : '未分类');

/** One item's answer as the paper shows it: result and finding, number and unit, or the text. */
function answerText(item: TemplateItem, a: ItemAnswer | undefined, report: InspectionReport): string {
  if (item.compiled === 'fault_summary') return `本期服务请求 ${report.faultSummary.total} 项，详见“历史故障调查与问题汇总”表。${a?.text ? `\n${a.text}` : ''}`;
  if (item.compiled === 'storage_capacity') {
    const s = report.storage;
    const line = s
      ? `已用 ${s.usedGb} GB / 共 ${s.totalGb} GB（${Math.round(s.usedShare * 100)}%）；` +
        (s.growthGbPerMonth === null ? '尚无往期读数，暂不能预测增长' : `月增长 ${s.growthGbPerMonth} GB；${s.monthsUntilFull === null ? '未见增长' : `预计 ${s.monthsUntilFull} 个月后用满`}`)
      : '未填写存储容量';
    return a?.text ? `${line}\n${a.text}` : line;
  }
  if (item.key === 'summary') return report.summary;
  if (item.key === 'advice') return report.advice;
  if (!a) return '';
  if (item.kind === 'check') return [a.result ? RESULT[a.result] : '', a.finding ? `发现的问题：${a.finding}` : ''].filter(Boolean).join('\n');
  if (item.kind === 'measurement') return a.value === undefined ? '' : `${a.value} ${item.unit ?? ''}`.trim();
  return a.text ?? '';
}

/**
 * 巡检报告: the report as submitted (and, once approved, frozen under its hash), every item of the
 * template version it started with, the fault summary table, storage, summary and advice; once
 * signed, from the archive record, the signature image, signer and time and the verification code.
 */
export function inspectionReportPdf(i: IInspection, template: InspectionTemplate, record: IArchiveRecord | null, timeZone: string): Promise<Buffer> {
  const report = i.report!;
  const at = (v: Date | string | number | null | undefined) => localDateTime(v, timeZone);
  const signature = (record?.signature ?? null) as unknown as (SignatureRecord & { image: string | null }) | null;
  const code = record ? verificationCode(record.hash) : null;
  const doc = new DocumentBuilder({ title: `${template.title} ${report.hospital.name} ${report.period}`, subject: '巡检报告', author: words.app.title })
    .title(template.title, `${report.hospital.name} · ${report.period}`, `模板 ${template.code} 第 ${template.version} 版 · ${STATUS[i.status] ?? i.status}`)
    .fields('巡检概况', [
      ['医院', report.hospital.name],
      ['巡检周期', report.period],
      ['巡检日期', report.visitDate],
      ['巡检系统', report.systemCodes.map(systemName).join('、')],
      ['巡检工程师', report.engineer.displayName],
      ['提交时间', at(report.submittedAt)],
    ]);
  for (const section of template.sections) {
    doc.fields(section.title, section.items.map((item): Field => [item.label, answerText(item, report.checklist[item.key], report)]));
  }
  const fs = report.faultSummary;
  doc
    .table('历史故障调查与问题汇总', [{ label: '故障级别', weight: 2 }, { label: '数量' }], fs.byLevel.map((r) => [level(r.level), r.count]))
    .table(null, [{ label: '服务项目', weight: 2 }, { label: '数量' }], fs.byCategory.map((r) => [category(r.category), r.count]))
    .table(
      null,
      [{ label: '服务请求编号', weight: 2.6 }, { label: '标题', weight: 2.6 }, { label: '故障级别', weight: 1.4 }, { label: '服务项目', weight: 1.6 }, { label: '备注', weight: 1.4 }],
      fs.tickets.map((t) => [
        t.id,
        t.title,
        level(t.faultLevel),
        category(t.category),
        [fs.breached.includes(t.id) ? '超时' : '', fs.repeats.some((r) => r.tickets.includes(t.id)) ? '重复故障' : '', fs.stillOpen.includes(t.id) ? '未关闭' : ''].filter(Boolean).join('、'),
      ]),
    )
    .fields(null, [
      ['合计', String(fs.total)],
      ['超出响应时限', fs.breached.join('、')],
      ['重复故障', fs.repeats.map((r) => r.tickets.join('、')).join('；')],
      ['尚未关闭', fs.stillOpen.join('、')],
    ])
    .fields('附件', [['附件', '无']]);
  const signed: Field[] = signature
    ? [
        ['签字人', signature.signerName],
        ['签字时间', at(signature.at)],
        ['签名', signature.image ? { image: signature.image, height: 80 } : null],
      ]
    : [['签字人', null], ['签字时间', null]];
  doc.fields('医院签字确认', [...signed, ['报告哈希', i.reportHash ?? signature?.reportHash ?? '（审核通过后生成）']]);
  if (record && code) {
    doc.note(`本报告由${words.app.title}根据系统档案库第 ${record.seq} 号记录生成（归档时间 ${at(record.archivedAt)}）。核对真伪：登录服务台，输入验证码 ${code}。`);
  }
  return doc.setFooter({ text: `${words.app.title} · ${template.title} · ${report.period}`, ...(code ? { verificationCode: { label: '验证码', code } } : {}) }).toBuffer();
}
