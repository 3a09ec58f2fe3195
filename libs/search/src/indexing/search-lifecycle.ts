import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig, HealthService, logger } from '#libs/core';
import { SearchDocumentService } from '../documents/search-document.service.js';
import { INDEX_NAMES, SEARCH_ENGINE, type SearchEngine } from '../engine/search-engine.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { SearchReindexService } from './search-reindex.service.js';

/** Resolved at each use: the root logger is configured after modules load. */
const log = () => logger('Search');

/**
 * The engine's life in this process: the health report, the indexes readied
 * when a module asks (an engine that is down delays this, never the boot),
 * the relay started where SearchIndexingModule is included, an orderly stop.
 */
@Injectable()
export class SearchLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private indexesReady?: Promise<void>;
  private relaying?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly config: AppConfig,
    private readonly relay: OutboxRelayService,
    private readonly reindexer: SearchReindexService,
    private readonly health: HealthService,
    private readonly documents: SearchDocumentService,
  ) {}

  onApplicationBootstrap() {
    this.health.register('search', () => this.report());
  }

  /** Index settings, once per process, retried while the engine is down; resolves when ready (or stopping). */
  ready(): Promise<void> {
    return (this.indexesReady ??= this.ensureIndexes());
  }

  /** Applies the outbox to the engine from now on, once the indexes are ready. */
  startRelay(): void {
    this.relaying ??= this.ready().then(() => this.relayOnceReady());
  }

  /** Before the database pool closes (that happens at application shutdown), so the relay ends its batch cleanly. */
  async onModuleDestroy() {
    this.stopped = true;
    await this.relay.stop();
    await this.indexesReady;
    await this.relaying?.catch(() => undefined);
    await this.engine.close();
  }

  private async ensureIndexes() {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.engine.ensureIndexes();
        return;
      } catch (error) {
        log().warn(
          { err: error, attempt },
          'search engine not ready; writes go on, the outbox keeps the changes',
        );
        await sleep(Math.min(30_000, 500 * 2 ** attempt));
      }
    }
  }

  private async relayOnceReady() {
    if (this.stopped) return;
    await this.rebuildIfNew();
    if (!this.stopped) this.relay.start(this.config.SEARCH_RELAY_INTERVAL_MS);
  }

  /** A new index file beside an existing database (a fresh DATA_DIR, say) is rebuilt, not left to the outbox. */
  private async rebuildIfNew() {
    const stats = await this.engine.stats();
    if (stats.lastAppliedChange !== null) return;
    const count = (await this.documents.count('seeds')) + (await this.documents.count('needs'));
    if (count === 0) return;
    for (const index of INDEX_NAMES) await this.reindexer.reindex(index);
    log().info({ records: count }, 'search index was new: rebuilt from the database');
  }

  private async report() {
    const outbox = await this.relay.pending();
    try {
      await this.engine.health();
      const stats = await this.engine.stats();
      return {
        status: 'up' as const,
        engine: stats.engine,
        indexes: stats.indexes,
        lastAppliedChange: stats.lastAppliedChange,
        outbox,
        relay: this.config.searchRelay,
      };
    } catch (error) {
      return {
        status: 'down' as const,
        engine: this.engine.kind,
        error: error instanceof Error ? error.message : String(error),
        outbox,
      };
    }
  }
}
