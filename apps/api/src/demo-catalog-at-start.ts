import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, logger } from '#libs/core';
import { DemoCatalogService } from '#libs/catalog';

/** The api (never the worker, which does not migrate) loads the demo catalogue into an empty database at start. */
@Injectable()
export class DemoCatalogAtStart implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoCatalogService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.demoCatalogEnabled) return;
    const report = await this.demo.loadIntoEmpty();
    if (report)
      logger('DemoCatalog').info(
        { created: report.created, rejected: report.rejected },
        'loaded the demo catalogue into the empty database',
      );
  }
}
