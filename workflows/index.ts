// Entry point the worker bundles: every workflow type the task queue serves.
export { ticketWorkflow } from './ticket/workflow';
export { reconcileWorkflow } from './reconcile/workflow';
export { inspectionDueWorkflow } from './inspection/due';
export { inspectionWorkflow } from './inspection/workflow';
