import { runCleanups } from './cleanup';

export default async function globalTeardown(): Promise<void> {
  await runCleanups();
}
