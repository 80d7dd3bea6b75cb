import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { isMessageCode, type Said } from '../../domain/messages';

type History = temporal.api.history.v1.IHistory;
type Payload = temporal.api.common.v1.IPayload;
const E = temporal.api.enums.v1.EventType;

export interface TimelineEntry {
  eventId: number;
  at: string;
  /** step: a person did something; system: the workflow recorded or computed something. */
  kind: 'started' | 'step' | 'step-refused' | 'activity' | 'activity-failed' | 'timer' | 'completed' | 'failed';
  name: string;
  actor?: { userId: number; role: string; displayName: string } | null;
  data?: unknown;
  outcome?: string;
  /** Why a step was refused, as a code for the reader's language (the English is `outcome`). */
  refusal?: Said;
}

/** A refusal's details: what the workflow said, or the first of its field errors. */
function refusalOf(details: unknown): Said | undefined {
  const first = (x: unknown) => (x && typeof x === 'object' ? (x as Record<string, unknown>) : undefined);
  const d = first(details);
  if (d && isMessageCode(d.code)) return d as unknown as Said;
  const field = d && first(Object.values(d)[0]);
  return field && isMessageCode(field.code) ? (field as unknown as Said) : undefined;
}

function decode(p: Payload | null | undefined): unknown {
  if (!p) return undefined;
  try {
    return defaultPayloadConverter.fromPayload(p as never);
  } catch {
    return '(undecodable payload)';
  }
}

/** Signature images are evidence, kept in the archive; in a readable timeline they are just noise. */
function redact(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('data:image/') ? `(image, ${value.length} chars)` : value;
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
  return value;
}

// Number(): a live history's seconds are Longs, an archived one's (parsed from JSON) plain numbers or strings.
const seconds = (d: { seconds?: unknown; nanos?: number | null } | null | undefined) => Number(d?.seconds ?? 0) + (d?.nanos ?? 0) / 1e9;

/**
 * The workflow's event history as a manager reads it: who did which step with what data, what
 * the workflow wrote, which timers it set. Workflow-task bookkeeping is left out.
 */
export function timeline(history: History): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const updates = new Map<string, TimelineEntry>();
  const activities = new Map<number, string>();
  for (const e of history.events ?? []) {
    const base = { eventId: Number(e.eventId), at: new Date(seconds(e.eventTime) * 1000).toISOString() };
    switch (e.eventType) {
      case E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: {
        const intake = decode(e.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]) as { createdBy?: TimelineEntry['actor'] } | undefined;
        out.push({ ...base, kind: 'started', name: 'created', actor: intake?.createdBy ?? null, data: redact(intake) });
        break;
      }
      case E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
        const req = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
        const arg = decode(req?.input?.args?.payloads?.[0]) as { actor?: TimelineEntry['actor']; [k: string]: unknown } | undefined;
        const { actor, ...rest } = arg ?? {};
        const entry: TimelineEntry = { ...base, kind: 'step', name: req?.input?.name ?? '?', actor: actor ?? null, data: redact(rest) };
        updates.set(req?.meta?.updateId ?? String(base.eventId), entry);
        out.push(entry);
        break;
      }
      case E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
        const a = e.workflowExecutionUpdateCompletedEventAttributes;
        const entry = updates.get(a?.meta?.updateId ?? '');
        if (!entry) break;
        if (a?.outcome?.failure) {
          entry.kind = 'step-refused';
          entry.outcome = a.outcome.failure.message ?? 'refused';
          entry.refusal = refusalOf(decode(a.outcome.failure.applicationFailureInfo?.details?.payloads?.[0]));
        } else {
          entry.outcome = 'completed';
        }
        break;
      }
      case E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
        const a = e.activityTaskScheduledEventAttributes;
        const name = a?.activityType?.name ?? '?';
        activities.set(base.eventId, name);
        out.push({ ...base, kind: 'activity', name });
        break;
      }
      case E.EVENT_TYPE_MARKER_RECORDED: {
        // Local activities (the projections) leave a marker instead of activity events.
        const a = e.markerRecordedEventAttributes;
        if (a?.markerName !== 'core_local_activity') break;
        const meta = decode(a.details?.data?.payloads?.[0]) as { activity_type?: string } | undefined;
        const failed = a.failure?.message;
        out.push({ ...base, kind: failed ? 'activity-failed' : 'activity', name: meta?.activity_type ?? 'local activity', outcome: failed ?? undefined });
        break;
      }
      case E.EVENT_TYPE_ACTIVITY_TASK_FAILED: {
        const a = e.activityTaskFailedEventAttributes;
        out.push({ ...base, kind: 'activity-failed', name: activities.get(Number(a?.scheduledEventId)) ?? '?', outcome: a?.failure?.message ?? undefined });
        break;
      }
      case E.EVENT_TYPE_TIMER_STARTED: {
        const a = e.timerStartedEventAttributes;
        out.push({ ...base, kind: 'timer', name: 'wait', data: { seconds: seconds(a?.startToFireTimeout) } });
        break;
      }
      case E.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
        out.push({ ...base, kind: 'completed', name: 'completed' });
        break;
      case E.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
      case E.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
      case E.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
        out.push({ ...base, kind: 'failed', name: E[e.eventType] ?? 'failed' });
        break;
      default:
    }
  }
  return out;
}
