import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from './file-store';

/** Files under DESK_FILES_DIR, two levels of fan-out by id so no directory grows huge. */
export function dirStore(root: string): FileStore {
  const where = (id: string) => path.join(root, id.slice(0, 2), id.slice(2, 4), id);
  return {
    kind: 'dir',
    async put(bytes) {
      const id = randomUUID().replace(/-/g, '');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = where(id);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed: a reader never sees half a file.
      await fs.writeFile(`${file}.part`, bytes, { flag: 'wx', mode: 0o640 });
      await fs.rename(`${file}.part`, file);
      return { id, sha256 };
    },
    async get(id) {
      if (!/^[0-9a-f]{32}$/.test(id)) return null;
      return fs.readFile(where(id)).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return null;
        throw e;
      });
    },
  };
}
