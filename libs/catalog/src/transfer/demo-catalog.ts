import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, logger, projectRoot } from '#libs/core';
import { Organization } from '#libs/directory';
import { CatalogImporter, type ImportReport } from './catalog-importer.js';

export const DEMO_CATALOG_PATH = () => join(projectRoot(), 'data', 'demo', 'catalog.ndjson');

/** The demo catalogue: loaded into an empty database at start (development default) or on request. */
@Injectable()
export class DemoCatalog implements OnApplicationBootstrap {
  constructor(
    private readonly importer: CatalogImporter,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.demoCatalogEnabled) return;
    if (await this.dataSource.manager.exists(Organization)) return;
    const report = await this.load();
    logger('DemoCatalog').info({ created: report.created, rejected: report.rejected }, 'loaded the demo catalogue into the empty database');
  }

  load(): Promise<ImportReport> {
    return this.importer.run(() => createReadStream(DEMO_CATALOG_PATH()), { actorUserId: null });
  }
}
