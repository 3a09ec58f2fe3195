import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SearchDocumentService } from '../documents/search-document.service.js';
import { SEARCH_ENGINE, type IndexName, type SearchEngine } from '../engine/search-engine.js';

const PAGE = 1000;

export interface ReindexProgress {
  index: IndexName;
  done: number;
  total: number;
}

/**
 * Rebuilds an index from the database beside the live one, swaps it in, then
 * replays every change that may have been written while it was built, so
 * readers never see an empty or stale index.
 */
@Injectable()
export class SearchReindexService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly documents: SearchDocumentService,
  ) {}

  async reindex(
    index: IndexName,
    onProgress: (progress: ReindexProgress) => void = () => undefined,
  ): Promise<number> {
    const replayFrom = await this.replayPoint();
    const total = await this.documents.count(index);
    const rebuild = await this.engine.beginRebuild(index);
    let done = 0;
    try {
      for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
        const ids = await this.documents.idsAfter(index, after, PAGE);
        if (ids.length === 0) break;
        await rebuild.add(await this.documents.documents(index, ids));
        done += ids.length;
        after = ids[ids.length - 1];
        onProgress({ index, done, total: Math.max(total, done) });
      }
      await rebuild.swap();
    } catch (error) {
      await rebuild.abort().catch(() => undefined);
      throw error;
    }
    await this.replay(index, replayFrom);
    return done;
  }

  /**
   * A change not yet visible when the rebuild starts belongs to a transaction
   * open now or begun later; its outbox row carries its transaction's start
   * time (now()), so replaying from the oldest open transaction covers it.
   */
  private async replayPoint(): Promise<Date> {
    const [{ since }] = await this.dataSource.query(
      `SELECT least(now(), min(xact_start)) AS since FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return since;
  }

  private async replay(index: IndexName, since: Date) {
    const changes: { topic: string; entity_id: string }[] = await this.dataSource.query(
      'SELECT topic, entity_id FROM outbox_change WHERE enqueued_at >= $1 ORDER BY seq',
      [since],
    );
    if (changes.length === 0) return;
    const batches = await this.documents.batchesFor(
      changes.map((change) => ({ topic: change.topic, entityId: change.entity_id })),
    );
    await this.engine.apply({ [index]: batches[index] }, 0);
  }
}
