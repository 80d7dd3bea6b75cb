import { condition } from '@temporalio/workflow';
import type { IntakeRecord, Projection, ProjectionBatch } from '../../domain/projection';

type Write = (batch: ProjectionBatch) => Promise<void>;

/**
 * Events the workflow has made and not yet written to PostgreSQL itself. Its callers (the API)
 * write what an Update answered at once; the workflow writes the same events again later, so a
 * caller that died mid-request loses nothing. Both writes are idempotent (db/sql/projections.sql).
 */
export class Outbox {
  private unwritten: Projection[] = [];
  private writing = false;

  constructor(private readonly intake: IntakeRecord) {}

  add(events: Projection[]): void {
    this.unwritten.push(...events);
  }

  /** Everything so far as one batch; it carries the intake, so a database restored to before this ticket gets its row back. */
  private take(): ProjectionBatch {
    const batch = { intake: this.intake, projections: this.unwritten };
    this.unwritten = [];
    return batch;
  }

  /** The safety net: what waited out the grace is written in one activity; a timer's write may take it along first. */
  async writeAfterGrace(graceMs: number, write: Write): Promise<never> {
    for (;;) {
      await condition(() => this.unwritten.length > 0);
      if (await condition(() => this.unwritten.length === 0, graceMs)) continue;
      this.writing = true;
      await write(this.take());
      this.writing = false;
    }
  }

  /** No caller waits on a timer's events: they are written in the workflow task that made them. */
  writeNow(write: Write): Promise<void> {
    return write(this.take());
  }

  /**
   * What the archive activity writes just before the record, once no write is under way. Left in
   * place: emptying it would cancel the grace timer, a command the closing step need not pay for.
   */
  async pending(): Promise<ProjectionBatch> {
    await condition(() => !this.writing);
    return { intake: this.intake, projections: [...this.unwritten] };
  }
}
