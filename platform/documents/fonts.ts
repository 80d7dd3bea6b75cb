import fs from 'node:fs';

/** Debian's fonts-noto-cjk; DESK_CJK_FONT_DIR points elsewhere (another distribution's path). */
export const CJK_FONT_DIR = process.env.DESK_CJK_FONT_DIR ?? '/usr/share/fonts/opentype/noto';

/** The faces documents use: a .ttc holds every CJK region, the name picks Simplified Chinese. */
export const CJK_FONTS = {
  regular: { file: `${CJK_FONT_DIR}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' },
  bold: { file: `${CJK_FONT_DIR}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' },
} as const;

export class MissingFontError extends Error {}

/** Throws, naming the file and the package, when a font documents need is not installed. */
export function checkDocumentFonts(): void {
  const missing = Object.values(CJK_FONTS).filter((f) => !fs.existsSync(f.file));
  if (missing.length) {
    throw new MissingFontError(
      `documents (PDF) need the Noto Sans CJK fonts: ${missing.map((f) => f.file).join(', ')} not found; install Debian's fonts-noto-cjk or set DESK_CJK_FONT_DIR`,
    );
  }
}
