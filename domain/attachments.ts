/** What an attachment belongs to: the request itself, a note (its event seq), a repair form (its task id). */
export const ATTACHED_TO = ['request', 'note', 'repairForm'] as const;
export type AttachedTo = (typeof ATTACHED_TO)[number];

/** A phone photo or a day's log fits; a disk image does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Room for the multipart envelope around the file (boundaries, the other fields). */
export const MAX_UPLOAD_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;
/** The longest thumbnail side, in pixels. */
export const THUMBNAIL_SIZE = 160;

/** The types the desk keeps, recognised by their bytes; anything else is refused. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'application/zip', 'text/plain'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const isImage = (type: string) => type.startsWith('image/');

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Programs, whatever their name says: ELF, Windows (MZ), Mach-O. */
export function isExecutable(b: Uint8Array): boolean {
  return (
    startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(b, [0x4d, 0x5a]) ||
    [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((sig) => startsWith(b, sig))
  );
}

/** Text a person can read: UTF-8 without NUL or control characters other than tab, line breaks, form feed and ESC (coloured logs). */
function isPlainText(b: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  return !/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(text);
}

/** The type the bytes are (magic numbers), or null: never the name's extension or the client's word. */
export function detectType(b: Uint8Array): AttachmentType | null {
  if (b.length === 0 || isExecutable(b)) return null;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  if (isPlainText(b)) return 'text/plain';
  return null;
}

const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'text/plain': ['txt', 'log', 'csv', 'json', 'xml', 'md', 'ini', 'conf', 'cfg', 'yaml', 'yml', 'out', 'err', 'trace'],
};

/**
 * The name as given, made safe to save and to put in a header: no path, no control or reserved
 * characters, at most 200 characters, and an extension that matches what the bytes are (a PDF
 * named setup.exe is kept as setup.exe.pdf, so no one's computer runs it by its name).
 */
export function sanitiseFilename(given: string, type: AttachmentType): string {
  const base = given.normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  let name = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const wanted = EXTENSIONS[type];
  if (!name) name = 'file';
  if (!wanted.includes(ext)) name = `${name}.${wanted[0]}`;
  if (name.length > 200) {
    const tail = name.slice(name.lastIndexOf('.'));
    name = name.slice(0, 200 - tail.length) + tail;
  }
  return name;
}
