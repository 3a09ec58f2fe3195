import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '#libs/core';
import { CatalogModule } from '#libs/catalog';
import { SEARCH_ENGINE } from './engine/search-engine.js';
import { SearchResolver } from './graphql/search.resolver.js';
import { OutboxRelay } from './indexing/outbox-relay.js';
import { SearchLifecycle } from './indexing/search-lifecycle.js';
import { SearchReindexer } from './indexing/search-reindexer.js';
import { createSearchEngine } from './search-engine.factory.js';
import { SearchService } from './search.service.js';

/**
 * The search engine of this process (one instance, shared by search and
 * matching), the relay and the reindexer that write to it, its health report.
 * Starts nothing by itself: `npm run reindex` uses it as it is.
 */
@Module({
  providers: [
    { provide: SEARCH_ENGINE, inject: [AppConfig], useFactory: createSearchEngine },
    OutboxRelay,
    SearchReindexer,
    SearchLifecycle,
  ],
  exports: [SEARCH_ENGINE, OutboxRelay, SearchReindexer, SearchLifecycle],
})
export class SearchEngineModule {}

/** Search over seeds and needs (GraphQL); readies the indexes at start. */
@Module({
  imports: [SearchEngineModule, CatalogModule],
  providers: [SearchService, SearchResolver],
})
export class SearchModule implements OnApplicationBootstrap {
  constructor(private readonly lifecycle: SearchLifecycle) {}

  onApplicationBootstrap() {
    void this.lifecycle.ready();
  }
}

/**
 * Search indexing: this process applies the outbox to the engine (after a
 * rebuild when the index is new). Exactly one process includes it.
 */
@Module({ imports: [SearchEngineModule] })
export class SearchIndexingModule implements OnApplicationBootstrap {
  constructor(private readonly lifecycle: SearchLifecycle) {}

  onApplicationBootstrap() {
    this.lifecycle.startRelay();
  }
}
