import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { projectRoot } from '#libs/core';
import { OrganizationService } from '#libs/directory';
import { CatalogImportService, type ImportReport } from './catalog-import.service.js';

export const DEMO_CATALOG_PATH = () => join(projectRoot(), 'data', 'demo', 'catalog.ndjson');

/** The demo catalogue, loaded on request (the api loads it into an empty database at start, see apps/api). */
@Injectable()
export class DemoCatalogService {
  constructor(
    private readonly importer: CatalogImportService,
    private readonly organizations: OrganizationService,
  ) {}

  /** Loads it unless the database already holds organizations; null when it did not. */
  async loadIntoEmpty(): Promise<ImportReport | null> {
    if (await this.organizations.any()) return null;
    return this.load();
  }

  load(): Promise<ImportReport> {
    return this.importer.run(() => createReadStream(DEMO_CATALOG_PATH()), { actorUserId: null });
  }
}
