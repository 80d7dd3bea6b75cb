import { PNG } from 'pngjs';
import { THUMBNAIL_SIZE } from '../../domain/attachments';

/**
 * A PNG re-encoded at most THUMBNAIL_SIZE pixels a side (each pixel the average of the box it
 * covers). Other images are served as they are and scaled by the browser (docs/decisions.md,
 * "Attachment thumbnails"); null when the PNG cannot be decoded.
 */
export function pngThumbnail(bytes: Buffer): Buffer | null {
  let src: PNG;
  try {
    src = PNG.sync.read(bytes);
  } catch {
    return null;
  }
  const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(src.width, src.height));
  const w = Math.max(1, Math.round(src.width * scale));
  const h = Math.max(1, Math.round(src.height * scale));
  const out = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * src.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * src.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * src.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * src.width) / w));
      const sum = [0, 0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * src.width + sx) * 4;
          for (let k = 0; k < 4; k++) sum[k] += src.data[i + k];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 4;
      for (let k = 0; k < 4; k++) out.data[o + k] = Math.round(sum[k] / n);
    }
  }
  return PNG.sync.write(out);
}
