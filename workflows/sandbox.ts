/**
 * Evaluated once when the worker builds its workflow sandbox (listed in worker/bundle.ts's
 * preloaded modules), before the SDK freezes the sandbox's globals; never imported by workflows.
 *
 * The SDK records where every workflow promise was created (for the `__stack_trace` query) by
 * capturing a stack trace and mapping each frame through the bundle's source map. For our ticket
 * workflow that was 14 % of the worker's CPU per flow, 10 % of a step's round trip, and ~35 KiB of
 * every cached ticket (docs/benchmarks.md). With no frames captured the query answers empty and
 * errors thrown inside a workflow carry their type and message but no stack; their tests, which
 * run the same code outside the sandbox, keep full stacks.
 */
Error.stackTraceLimit = 0;

export {};
