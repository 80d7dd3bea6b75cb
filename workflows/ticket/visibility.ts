import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { TicketSnapshot } from '../../domain/projection';
import { TRACKED, trackedValues, typedValue } from './search-attributes';

/** Keeps the ticket's search attributes in step with it, upserting only what changed. */
export class SearchAttributes {
  private last = new Map<string, unknown>();

  constructor() {
    // What the start request set (startSearchAttributes) counts as already upserted.
    const set = workflowInfo().typedSearchAttributes;
    for (const key of TRACKED) {
      const v: unknown = set.get(key as never);
      this.last.set(key.name, v === undefined ? null : v instanceof Date ? v.getTime() : v);
    }
  }

  sync(ticket: TicketSnapshot): void {
    const pairs: SearchAttributeUpdatePair[] = [];
    for (const [key, value] of trackedValues(ticket)) {
      if (this.last.get(key.name) === value) continue;
      this.last.set(key.name, value);
      pairs.push({ key, value: typedValue(key, value) } as SearchAttributeUpdatePair);
    }
    if (pairs.length) upsertSearchAttributes(pairs);
  }
}
