export { analyze, normalize, queryTokens, tokens } from './text/analyze.js';
export { SearchEngineModule, SearchIndexingModule, SearchModule } from './search.module.js';
export { SearchError, SearchErrorCode } from './search.errors.js';
export {
  SEARCH_ENGINE,
  INDEX_NAMES,
  type IndexName,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  type Filter,
} from './engine/search-engine.js';
export {
  OutboxRelayService,
  type AppliedChange,
  type AppliedListener,
} from './indexing/outbox-relay.service.js';
export { SearchReindexService, type ReindexProgress } from './indexing/search-reindex.service.js';
export { SearchLifecycle } from './indexing/search-lifecycle.js';
export { EmbeddedEngine } from './engine/embedded/embedded-engine.js';
export { projectGlossary, synonymMap, type Glossary, type GlossaryEntry } from './glossary/glossary.js';
export { GlossaryIndex, planQuery } from './text/query-plan.js';
export { SearchDocumentService } from './documents/search-document.service.js';
export type { SeedSearchDocument, NeedSearchDocument } from './documents/search-documents.js';
export { seedFilters } from './search/search-filters.js';
export { needVisibilityFilter, seedVisibilityFilter } from './search/search-visibility.js';
export { SeedSearchFilter } from './search/dto/seed-search-filter.input.js';
