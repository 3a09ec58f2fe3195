export { analyze, normalize, queryTokens, tokens } from './text/analyze.js';
export { SearchModule } from './search.module.js';
export { SearchError, SearchErrorCode } from './search-errors.js';
export { SEARCH_ENGINE, INDEX_NAMES, type IndexName, type SearchEngine, type SearchRequest, type SearchResult, type Filter } from './engine/search-engine.js';
export { OutboxRelay } from './indexing/outbox-relay.js';
export { SearchReindexer, type ReindexProgress } from './indexing/search-reindexer.js';
export { SearchLifecycle } from './indexing/search-lifecycle.js';
export { EmbeddedEngine } from './engine/embedded/embedded-engine.js';
export { projectGlossary, synonymMap } from './glossary/glossary.js';
