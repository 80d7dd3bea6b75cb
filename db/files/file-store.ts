import type { EntityManager } from '@mikro-orm/postgresql';
import { dirStore } from './dir-store';
import { pgStore } from './pg-store';

/** Where an attachment's bytes are kept: put returns an id and their sha256, get gives them back (null if gone). */
export interface FileStore {
  /** Written in attachments.storage, so a file is read from the store that holds it. */
  readonly kind: 'pg' | 'dir';
  put(bytes: Buffer): Promise<{ id: string; sha256: string }>;
  get(id: string): Promise<Buffer | null>;
}

/** The store new files go to: a directory when DESK_FILES_DIR is set, else PostgreSQL (through `em`, in its transaction). */
export function fileStore(em: EntityManager, env: NodeJS.ProcessEnv = process.env): FileStore {
  return env.DESK_FILES_DIR ? dirStore(env.DESK_FILES_DIR) : pgStore(em);
}

/** The store that holds a file written earlier, by the kind recorded with it. */
export function storeOf(kind: string, em: EntityManager, env: NodeJS.ProcessEnv = process.env): FileStore {
  if (kind === 'pg') return pgStore(em);
  if (kind === 'dir') {
    if (!env.DESK_FILES_DIR) throw new Error('an attachment is kept in a directory, but DESK_FILES_DIR is not set');
    return dirStore(env.DESK_FILES_DIR);
  }
  throw new Error(`unknown file store ${kind}`);
}
