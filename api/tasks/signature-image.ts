import { PNG } from 'pngjs';
import { said, type Said } from '../../domain/messages';

/** A generous pad on a high-density screen; a bigger image is not a signature but a burden to show. */
export const MAX_SIGNATURE_WIDTH = 4096;
export const MAX_SIGNATURE_HEIGHT = 2048;

const PREFIX = 'data:image/png;base64,';
const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The signature pad's image, checked as a PNG and drawn again: its header is read before anything
 * is decoded (a 16000×16000 image is 41 KB on the wire and 1 GB in a browser), then only its pixels
 * are encoded anew, so nothing else it carried is stored, hashed or shown.
 */
export function redrawSignature(dataUrl: string): { image: string } | { refused: Said } {
  const bytes = Buffer.from(dataUrl.slice(PREFIX.length), 'base64');
  if (!dataUrl.startsWith(PREFIX) || bytes.length < 33 || !bytes.subarray(0, 8).equals(MAGIC) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    return { refused: said('signature.image_png') };
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > MAX_SIGNATURE_WIDTH || height > MAX_SIGNATURE_HEIGHT) {
    return { refused: said('signature.image_size', { maxWidth: MAX_SIGNATURE_WIDTH, maxHeight: MAX_SIGNATURE_HEIGHT }) };
  }
  try {
    return { image: PREFIX + PNG.sync.write(PNG.sync.read(bytes)).toString('base64') };
  } catch {
    return { refused: said('signature.image_png') };
  }
}
