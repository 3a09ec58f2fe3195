import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { AppConfig } from '#libs/core';
import { CatalogModule } from '#libs/catalog';
import { SEARCH_ENGINE } from './engine/search-engine.js';
import { SearchResolver } from './graphql/search.resolver.js';
import { OutboxRelay } from './indexing/outbox-relay.js';
import { SEARCH_PROCESS, SearchLifecycle, type SearchProcess } from './indexing/search-lifecycle.js';
import { SearchReindexer } from './indexing/search-reindexer.js';
import { createSearchEngine } from './search-engine.factory.js';
import { SearchService } from './search.service.js';

/**
 * Search over seeds and needs. `process` says who this is: the api serves
 * GraphQL (and applies the outbox with the embedded engine); the worker
 * applies the outbox for Meilisearch; a CLI only reindexes.
 */
@Module({})
export class SearchModule {
  static register(process: SearchProcess): DynamicModule {
    const providers: Provider[] = [
      { provide: SEARCH_ENGINE, inject: [AppConfig], useFactory: createSearchEngine },
      { provide: SEARCH_PROCESS, useValue: process },
      OutboxRelay,
      SearchReindexer,
      SearchLifecycle,
      ...(process === 'api' ? [SearchService, SearchResolver] : []),
    ];
    return {
      module: SearchModule,
      // one engine per process: matching and the api's resolvers share it
      global: true,
      // the relay needs only the database; CatalogModule (with its demo loader) serves the api's queries
      imports: process === 'api' ? [CatalogModule] : [],
      providers,
      exports: [SEARCH_ENGINE, OutboxRelay, SearchReindexer, SearchLifecycle],
    };
  }
}
