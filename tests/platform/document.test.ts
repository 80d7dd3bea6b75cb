import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentBuilder } from '../../platform/documents/document';
import { PNG_DATA_URL } from '../../harness/step-data';

/** The text of a PDF, page by page (pdftotext separates pages with a form feed). */
function pages(pdf: Buffer): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'document-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
}

describe('the document builder (repair forms now, inspection reports next)', () => {
  it('sets title, labelled rows, a long table across pages with its header again, an image and a footer on every page', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [`2026-11-${String((i % 30) + 1).padStart(2, '0')}`, `SR-20261101-${String(i + 1).padStart(5, '0')}`, i % 2 ? '白板不刷新' : 'PDA 无法登录', '已解决']);
    const pdf = await new DocumentBuilder({ title: '系统巡检报告 2026 年 11 月' })
      .title('系统巡检报告', '2026 年 11 月', '成都市公共卫生临床医疗中心')
      .fields('巡检计划与巡检内容确定', [
        ['巡检日期', '2026-11-28'],
        ['巡检人', '张工'],
        ['巡检内容', '系统运行环境检查、系统配置检查、系统结构分析、历史故障调查与问题汇总、业务存储容量需求分析'],
        ['备注', null],
      ])
      .table('历史故障调查与问题汇总', [{ label: '日期' }, { label: '服务请求编号', weight: 2 }, { label: '问题', weight: 2 }, { label: '结果' }], rows)
      .image('签名', PNG_DATA_URL)
      .setFooter({ text: '医院维保服务台', verificationCode: { label: '验证码', code: '7QF3M-0K2ZD' } })
      .toBuffer();
    const text = pages(pdf);
    expect(text.length).toBeGreaterThan(1);
    expect(text[0]).toContain('系统巡检报告');
    expect(text[0]).toMatch(/巡检人\s+张工/);
    expect(text[0]).toMatch(/备注\s+—/);
    text.forEach((page, i) => {
      expect(page).toContain(`${i + 1} / ${text.length}`);
      expect(page).toContain('验证码 7QF3M-0K2ZD');
    });
    // The table's header starts every page it runs onto.
    expect(text[1]).toMatch(/日期\s+服务请求编号\s+问题\s+结果/);
    const all = text.join('\n');
    for (const r of rows) expect(all).toContain(r[1]);
    expect(all).toContain('签名');
  });
});
