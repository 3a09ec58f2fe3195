import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { logger } from '#libs/core';
import { SearchDocumentService } from '../documents/search-document.service.js';
import { SEARCH_ENGINE, type SearchEngine } from '../engine/search-engine.js';

const BATCH_SIZE = 500;
/** One relay at a time applies the outbox, so changes reach the engine in order. */
const RELAY_LOCK = 4_815_162_342;
/** Resolved at each use: the root logger is configured after modules load. */
const log = () => logger('OutboxRelayService');

export interface PendingChanges {
  pending: number;
  oldestPendingSeconds: number | null;
}

export type BatchOutcome = { applied: number } | { failed: Error };

/** A change the index now reflects, for those who act on it after search (matching). */
export interface AppliedChange {
  topic: string;
  entityId: string;
}
export type AppliedListener = (changes: AppliedChange[]) => Promise<void>;

/**
 * Applies the outbox to the search engine: oldest change first, in batches,
 * marking rows processed only after the engine confirmed them. When the
 * engine fails, the rows stay pending (attempts and last error recorded) and
 * the relay retries the same head with exponential backoff.
 */
@Injectable()
export class OutboxRelayService {
  private running = false;
  private loop?: Promise<void>;
  private wake?: AbortController;
  private readonly listeners: AppliedListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly documents: SearchDocumentService,
  ) {}

  /** Called after each applied batch, once the index reflects it; a listener's failure never holds up indexing. */
  onApplied(listener: AppliedListener) {
    this.listeners.push(listener);
  }

  /** One batch: the next pending changes, applied or left pending with the error; then the listeners. */
  async processBatch(): Promise<BatchOutcome> {
    let changes: AppliedChange[] = [];
    const outcome = await this.applyBatch((applied) => (changes = applied));
    for (const listener of changes.length ? this.listeners : []) {
      await listener(changes).catch((error: unknown) =>
        log().error({ err: error }, 'a listener of applied changes failed'),
      );
    }
    return outcome;
  }

  private applyBatch(onApplied: (changes: AppliedChange[]) => void): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RELAY_LOCK,
      ]);
      if (!locked) return { applied: 0 };
      const rows: { seq: string; topic: string; entity_id: string }[] = await manager.query(
        'SELECT seq, topic, entity_id FROM outbox_change WHERE processed_at IS NULL ORDER BY seq LIMIT $1',
        [BATCH_SIZE],
      );
      if (rows.length === 0) return { applied: 0 };
      const seqs = rows.map((row) => row.seq);
      try {
        const batches = await this.documents.batchesFor(
          rows.map((row) => ({ topic: row.topic, entityId: row.entity_id })),
          manager,
        );
        await this.engine.apply(batches, Number(seqs[seqs.length - 1]));
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        await manager.query(
          'UPDATE outbox_change SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1)',
          [seqs, failure.message.slice(0, 2000)],
        );
        return { failed: failure };
      }
      await manager.query('UPDATE outbox_change SET processed_at = now() WHERE seq = ANY($1)', [seqs]);
      onApplied(rows.map((row) => ({ topic: row.topic, entityId: row.entity_id })));
      return { applied: rows.length };
    });
  }

  /** Applies everything pending now; throws on the first engine failure (tests, CLI). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const outcome = await this.processBatch();
      if ('failed' in outcome) throw outcome.failed;
      if (outcome.applied === 0) return total;
      total += outcome.applied;
    }
  }

  async pending(): Promise<PendingChanges> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(enqueued_at))::float AS oldest FROM outbox_change WHERE processed_at IS NULL`,
    );
    return {
      pending: row.pending,
      oldestPendingSeconds: row.oldest === null ? null : Math.round(row.oldest * 10) / 10,
    };
  }

  start(intervalMs: number) {
    if (this.running) return;
    this.running = true;
    this.loop = this.run(intervalMs);
  }

  async stop() {
    this.running = false;
    this.wake?.abort();
    await this.loop;
  }

  private async run(intervalMs: number) {
    let failures = 0;
    let lastCleanup = 0;
    while (this.running) {
      let delay = intervalMs;
      try {
        const outcome = await this.processBatch();
        if ('failed' in outcome) {
          failures++;
          delay = Math.min(30_000, intervalMs * 2 ** Math.min(failures, 10));
          log().warn(
            { err: outcome.failed, retryInMs: delay },
            'search engine refused a batch; changes stay in the outbox',
          );
        } else {
          if (failures) log().info('search engine accepts changes again');
          failures = 0;
          if (outcome.applied === BATCH_SIZE) delay = 0;
        }
        if (Date.now() - lastCleanup > 3_600_000) lastCleanup = (await this.cleanup(), Date.now());
      } catch (error) {
        failures++;
        delay = Math.min(30_000, intervalMs * 2 ** Math.min(failures, 10));
        if (this.running) log().error({ err: error }, 'outbox relay failed; retrying');
      }
      this.wake = new AbortController();
      if (this.running && delay > 0)
        await sleep(delay, undefined, { signal: this.wake.signal }).catch(() => undefined);
    }
  }

  /** Processed changes are kept a week (reindex replays recent ones), then deleted. */
  private cleanup() {
    return this.dataSource.query(`DELETE FROM outbox_change WHERE processed_at < now() - interval '7 days'`);
  }
}
