/**
 * Evaluated once as the worker builds its workflow sandbox (worker/bundle.ts), before the SDK
 * freezes its globals. No stack traces for workflow promises: their capture was the worker's
 * largest avoidable cost (docs/decisions.md, "No stack traces in the workflow sandbox").
 */
Error.stackTraceLimit = 0;

export {};
