import path from 'node:path';

/** Repository root, whether running from source (tsx) or from the jest transform. */
export const ROOT = path.resolve(__dirname, '..');
/** Everything `npm start` keeps between runs (Temporal SQLite file, embedded PostgreSQL data). */
export const DATA_DIR = process.env.DESK_DATA_DIR ?? path.join(ROOT, '.data');
