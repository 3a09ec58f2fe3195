import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { projectRoot } from '#libs/core';
import { Organization } from '#libs/directory';
import { CatalogImportService, type ImportReport } from './catalog-import.service.js';

export const DEMO_CATALOG_PATH = () => join(projectRoot(), 'data', 'demo', 'catalog.ndjson');

/** The demo catalogue, loaded on request (the api loads it into an empty database at start, see apps/api). */
@Injectable()
export class DemoCatalogService {
  constructor(
    private readonly importer: CatalogImportService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Loads it unless the database already holds organizations; null when it did not. */
  async loadIntoEmpty(): Promise<ImportReport | null> {
    if (await this.dataSource.manager.exists(Organization)) return null;
    return this.load();
  }

  load(): Promise<ImportReport> {
    return this.importer.run(() => createReadStream(DEMO_CATALOG_PATH()), { actorUserId: null });
  }
}
