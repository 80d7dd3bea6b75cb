import { bundleWorkflowCode, type BundleOptions } from '@temporalio/worker';

/**
 * Our pure domain modules (no state, no `@temporalio/*` imports), evaluated once per V8 context
 * and shared by every ticket instead of once per ticket: each cached ticket is that much smaller
 * and quicker to rebuild when a timer fires for it.
 */
export const SHARED_DOMAIN_MODULES = ['catalogue', 'messages', 'sha256', 'sla', 'step-checks', 'text', 'ticket', 'ticket-rules', 'limits'].map((m) =>
  require.resolve(`../domain/${m}`),
);

/** Run once as the sandbox is built: settings for every ticket's V8 context (see workflows/sandbox.ts). */
export const SANDBOX_MODULE = require.resolve('../workflows/sandbox');

/** Everything a worker evaluates once per sandbox instead of once per ticket. */
export const PRELOADED_MODULES = [SANDBOX_MODULE, ...SHARED_DOMAIN_MODULES];

/** The ticket workflows as every worker runs them (npm start, tests, bench, drills). */
export async function bundleTicketWorkflows(logger?: BundleOptions['logger']): Promise<string> {
  const preload = process.env.DESK_PRELOAD_DOMAIN !== 'off';
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger, preloadModules: preload ? PRELOADED_MODULES : [SANDBOX_MODULE] });
  return code;
}
