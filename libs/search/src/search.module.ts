import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '#libs/core';
import { CatalogModule } from '#libs/catalog';
import { DirectoryModule } from '#libs/directory';
import { SearchDocumentService } from './documents/search-document.service.js';
import { SEARCH_ENGINE } from './engine/search-engine.js';
import { createSearchEngine } from './engine/search-engine.factory.js';
import { OutboxRelayService } from './indexing/outbox-relay.service.js';
import { SearchLifecycle } from './indexing/search-lifecycle.js';
import { SearchReindexService } from './indexing/search-reindex.service.js';
import { SearchResolver } from './search/search.resolver.js';
import { SearchService } from './search/search.service.js';

/**
 * The search engine of this process (one instance, shared by search and
 * matching), the documents built for it from the catalog and directory, the
 * relay and the reindexer that write to it, its health report. Starts
 * nothing by itself: `npm run reindex` uses it as it is.
 */
@Module({
  imports: [CatalogModule, DirectoryModule],
  providers: [
    { provide: SEARCH_ENGINE, inject: [AppConfig], useFactory: createSearchEngine },
    SearchDocumentService,
    OutboxRelayService,
    SearchReindexService,
    SearchLifecycle,
  ],
  exports: [SEARCH_ENGINE, SearchDocumentService, OutboxRelayService, SearchReindexService, SearchLifecycle],
})
export class SearchEngineModule {}

/** Search over seeds and needs (GraphQL); readies the indexes at start. */
@Module({
  imports: [SearchEngineModule, CatalogModule, DirectoryModule],
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
