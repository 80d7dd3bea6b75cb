import PDFDocument from 'pdfkit';
import { CJK_FONTS, checkDocumentFonts } from './fonts';

/** An image in a form's row: PNG or JPEG bytes, or a data URL, fitted into `height` points. */
export interface FieldImage {
  image: Buffer | string;
  height?: number;
}

/** One row of a key/value section; an empty value prints as a dash so a blank field reads as blank, not forgotten. */
export type Field = [label: string, value: string | FieldImage | null | undefined];

export interface TableColumn {
  label: string;
  /** Share of the line's width; equal shares if none is given. */
  weight?: number;
}

export interface Footer {
  /** Printed on every page, left. */
  text: string;
  /** Printed on every page, right, with its label: what resolves the paper to its record. */
  verificationCode?: { label: string; code: string };
}

const PAGE = { size: 'A4' as const, margin: 42 };
const INK = '#111111';
const RULE = '#888888';
const FAINT = '#555555';
const SIZE = { title: 18, subtitle: 10, heading: 12, body: 10, small: 8 };
const PAD = 3;
const LABEL_WIDTH = 96;

/**
 * A printable document (a repair form, an inspection report) built top to bottom: a title block,
 * key/value sections, tables, images, and a footer on every page. Text is set in Noto Sans CJK,
 * embedded as a subset, so Chinese prints and copies out (pdftotext) on any reader.
 */
export class DocumentBuilder {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private footer: Footer | null = null;

  constructor(meta: { title: string; subject?: string; author?: string }) {
    checkDocumentFonts();
    // pdfkit hashes every info value into the file's id: an undefined one would throw there.
    const info = Object.fromEntries(Object.entries({ Title: meta.title, Subject: meta.subject, Author: meta.author }).filter(([, v]) => v !== undefined));
    this.doc = new PDFDocument({ size: PAGE.size, margin: PAGE.margin, bufferPages: true, info });
    this.doc.registerFont('regular', CJK_FONTS.regular.file, CJK_FONTS.regular.name);
    this.doc.registerFont('bold', CJK_FONTS.bold.file, CJK_FONTS.bold.name);
    this.doc.font('regular').fontSize(SIZE.body).fillColor(INK);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    // Room is kept for the footer.
    return this.doc.page.height - this.doc.page.margins.bottom - 24;
  }
  /** A new page unless `height` still fits on this one. */
  private room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** The title, centred, with lines under it (e.g. the document's number and the issuer). */
  title(title: string, ...lines: string[]): this {
    this.doc.font('bold').fontSize(SIZE.title).text(title, this.left, this.doc.y, { width: this.width, align: 'center' });
    this.doc.font('regular').fontSize(SIZE.subtitle).fillColor(FAINT);
    for (const line of lines) this.doc.text(line, { width: this.width, align: 'center' });
    this.doc.fillColor(INK).moveDown(0.8);
    return this;
  }

  heading(text: string): this {
    this.room(SIZE.heading * 3);
    this.doc.moveDown(0.4).font('bold').fontSize(SIZE.heading).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(SIZE.body).moveDown(0.3);
    return this;
  }

  /** Label and value rows in a ruled box, as a paper form has them; long values wrap. */
  fields(heading: string | null, rows: Field[]): this {
    if (heading) this.heading(heading);
    const labelWidth = LABEL_WIDTH;
    const valueWidth = this.width - labelWidth;
    for (const [label, raw] of rows) {
      const value = raw === null || raw === undefined || raw === '' ? '—' : raw;
      this.doc.font('regular').fontSize(SIZE.body);
      const valueHeight = typeof value === 'string' ? this.doc.heightOfString(value, { width: valueWidth - 2 * PAD }) + 2 * PAD : (value.height ?? 90);
      const height = Math.max(this.doc.heightOfString(label, { width: labelWidth - 2 * PAD }) + 2 * PAD, valueHeight);
      this.room(Math.min(height, 200));
      const y = this.doc.y;
      this.doc.rect(this.left, y, labelWidth, height).fillAndStroke('#f0f0f0', RULE).fillColor(INK);
      this.doc.rect(this.left + labelWidth, y, valueWidth, height).stroke(RULE);
      this.doc.font('bold').text(label, this.left + PAD, y + PAD, { width: labelWidth - 2 * PAD });
      if (typeof value === 'string') this.doc.font('regular').text(value, this.left + labelWidth + PAD, y + PAD, { width: valueWidth - 2 * PAD });
      else {
        const bytes = typeof value.image === 'string' ? Buffer.from(value.image.slice(value.image.indexOf(',') + 1), 'base64') : value.image;
        this.doc.image(bytes, this.left + labelWidth + PAD, y + PAD, { fit: [Math.min(valueWidth, 260) - 2 * PAD, height - 2 * PAD], valign: 'center' });
      }
      this.doc.x = this.left;
      this.doc.y = Math.max(this.doc.y, y + height);
    }
    this.doc.moveDown(0.5);
    return this;
  }

  /** A table with a header row, repeated on each new page. */
  table(heading: string | null, columns: TableColumn[], rows: (string | number | null | undefined)[][]): this {
    if (heading) this.heading(heading);
    const total = columns.reduce((s, c) => s + (c.weight ?? 1), 0);
    const widths = columns.map((c) => (this.width * (c.weight ?? 1)) / total);
    const drawRow = (cells: string[], header: boolean) => {
      this.doc.font(header ? 'bold' : 'regular').fontSize(SIZE.body);
      const height = Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i] - 2 * PAD }))) + 2 * PAD;
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        if (!header) drawRow(columns.map((c) => c.label), true);
        this.doc.font('regular');
      }
      const y = this.doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        if (header) this.doc.rect(x, y, widths[i], height).fillAndStroke('#f0f0f0', RULE).fillColor(INK);
        else this.doc.rect(x, y, widths[i], height).stroke(RULE);
        this.doc.text(cell, x + PAD, y + PAD, { width: widths[i] - 2 * PAD });
        x += widths[i];
      });
      this.doc.x = this.left;
      this.doc.y = y + height;
    };
    drawRow(columns.map((c) => c.label), true);
    for (const row of rows) drawRow(row.map((v) => (v === null || v === undefined || v === '' ? '—' : String(v))), false);
    this.doc.moveDown(0.5);
    return this;
  }

  /** An image (PNG or JPEG bytes, or a data URL) as a labelled row of its own. */
  image(label: string, image: Buffer | string, height = 90): this {
    return this.fields(null, [[label, { image, height }]]);
  }

  /** A paragraph of small print. */
  note(text: string): this {
    this.room(SIZE.small * 3);
    this.doc.font('regular').fontSize(SIZE.small).fillColor(FAINT).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.fontSize(SIZE.body).fillColor(INK).moveDown(0.5);
    return this;
  }

  /** What every page carries at its foot, with "page n / m". */
  setFooter(footer: Footer): this {
    this.footer = footer;
    return this;
  }

  /** Finishes the document: footers on every page, then the bytes. */
  async toBuffer(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const { margins } = this.doc.page;
      const y = this.doc.page.height - margins.bottom - 12;
      // Writing below the bottom margin would start a new page: the margin is lifted while the footer is drawn.
      const bottom = margins.bottom;
      margins.bottom = 0;
      this.doc.moveTo(this.left, y - 4).lineTo(this.left + this.width, y - 4).stroke(RULE);
      this.doc.font('regular').fontSize(SIZE.small).fillColor(FAINT);
      const left = [this.footer?.text, `${i - range.start + 1} / ${range.count}`].filter(Boolean).join('  ·  ');
      this.doc.text(left, this.left, y, { width: this.width * 0.6, lineBreak: false });
      const code = this.footer?.verificationCode;
      if (code) this.doc.font('bold').fillColor(INK).text(`${code.label} ${code.code}`, this.left + this.width * 0.6, y, { width: this.width * 0.4, align: 'right', lineBreak: false });
      margins.bottom = bottom;
    }
    this.doc.end();
    return this.done;
  }
}
