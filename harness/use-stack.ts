import { loadActors, type Actors } from './actors';
import { startStack, type Stack, type StackOptions } from './stack';

/**
 * The stack and the demo actors for one test file: started, and the actors loaded, in the file's
 * beforeAll; stopped in its afterAll. Call it at the top level of a test file.
 */
export function useStack(opts: StackOptions = {}): { stack: Stack; a: Actors } {
  let started: Stack | undefined;
  // Filled in beforeAll: tests read it as a plain record.
  const a: Actors = {};
  beforeAll(async () => {
    started = await startStack(opts);
    Object.assign(a, await loadActors(started.orm));
  });
  afterAll(() => started?.stop());
  const live = (): Stack => {
    if (!started) throw new Error('The stack starts in beforeAll: use it inside tests or hooks, not while the file loads');
    return started;
  };
  const stack: Stack = {
    get baseUrl() {
      return live().baseUrl;
    },
    get orm() {
      return live().orm;
    },
    get client() {
      return live().client;
    },
    get taskQueue() {
      return live().taskQueue;
    },
    get databaseUrl() {
      return live().databaseUrl;
    },
    stopWorker: () => live().stopWorker(),
    startWorker: () => live().startWorker(),
    stop: () => live().stop(),
  };
  return { stack, a };
}
