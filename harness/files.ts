import { PNG } from 'pngjs';

/** A screenshot-like PNG: `width`×`height` of gradients with a noisy band (a photo in the page), about 1 byte a pixel. */
export function screenshotPng(width = 1280, height = 800, seed = 1): Buffer {
  const png = new PNG({ width, height });
  let s = seed;
  for (let i = 0; i < width * height; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const x = i % width;
    const y = Math.floor(i / width);
    png.data[i * 4] = (x * 255) / width;
    png.data[i * 4 + 1] = (y * 255) / height;
    png.data[i * 4 + 2] = y % 4 === 0 ? s >>> 24 : 128;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png, { deflateLevel: 1 });
}

/** A real, decodable 8×8 grey baseline JPEG: one DC and one EOB code (as a camera's would be, only smaller). */
export function tinyJpeg(): Buffer {
  const counts1 = [1, ...Array(15).fill(0)];
  return Buffer.from([
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xdb, 0x00, 0x43, 0x00, ...Array(64).fill(1),
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xc4, 0x00, 0x14, 0x00, ...counts1, 0x00,
    0xff, 0xc4, 0x00, 0x14, 0x10, ...counts1, 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
    0x3f,
    0xff, 0xd9,
  ]);
}

/** A one-page PDF saying `text` (ASCII). */
export function simplePdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A service log of about `bytes` bytes, in the words such logs use. */
export function serviceLog(bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `2026-12-02 08:${String(i % 60).padStart(2, '0')}:00.${String(i % 1000).padStart(3, '0')} WARN [mnis-save] 护理记录保存超时 patient=${100000 + i} elapsed=${3000 + (i % 900)}ms\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join(''));
}

/** The start of a Linux program (ELF) and of a Windows one (MZ, PE): what a renamed executable begins with. */
export function elfProgram(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4096, 0x90)]);
}
export function windowsProgram(): Buffer {
  const b = Buffer.alloc(4096);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}
