import type { EntityManager } from 'typeorm';
import { NeedQueryService, SeedQueryService } from '#libs/catalog';
import { Organization, OrganizationService } from '#libs/directory';
import { SearchDocumentService } from './search-document.service.js';
import type { NeedSearchDocument, SeedSearchDocument } from './search-documents.js';

/**
 * The old function form of SearchDocumentService, kept while libs/matching
 * still calls it (proposal.service, candidate.service, rematcher,
 * candidate-generator). It wires the owning libs' services by hand over the
 * manager's connection; inject SearchDocumentService instead.
 */
function documentService(manager: EntityManager): SearchDocumentService {
  const dataSource = manager.connection;
  return new SearchDocumentService(
    dataSource,
    new SeedQueryService(dataSource),
    new NeedQueryService(dataSource),
    new OrganizationService(dataSource.getRepository(Organization)),
  );
}

/** @deprecated inject SearchDocumentService and call `seeds(ids, manager)`. */
export function loadSeedDocuments(manager: EntityManager, ids: string[]): Promise<SeedSearchDocument[]> {
  return documentService(manager).seeds(ids, manager);
}

/** @deprecated inject SearchDocumentService and call `needs(ids, manager)`. */
export function loadNeedDocuments(manager: EntityManager, ids: string[]): Promise<NeedSearchDocument[]> {
  return documentService(manager).needs(ids, manager);
}
