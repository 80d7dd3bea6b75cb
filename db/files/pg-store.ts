import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../sql';
import type { FileStore } from './file-store';

/** Files as bytea rows of `stored_files`: one backup holds the desk and its files. */
export function pgStore(em: EntityManager): FileStore {
  return {
    kind: 'pg',
    async put(bytes) {
      const id = randomUUID();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await sql(em, 'insert into stored_files (id, sha256, size, bytes, created_at) values (?, ?, ?, ?, now())', [id, sha256, bytes.length, bytes]);
      return { id, sha256 };
    },
    async get(id) {
      const [row] = await sql<{ bytes: Buffer }>(em, 'select bytes from stored_files where id = ?', [id]);
      return row?.bytes ?? null;
    },
  };
}
