import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig, CoreModule } from '#libs/core';
import { SearchModule } from '#libs/search';
import { ENTITIES, MIGRATIONS } from '../../api/src/persistence.js';

/** Background jobs: the search outbox relay (with Meilisearch); re-matching and e-mail will join it. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({
          config,
          database: { url: databaseUrl, poolSize: Math.min(config.DATABASE_POOL_SIZE, 5), entities: ENTITIES, migrations: MIGRATIONS },
          runMigrations: false,
        }),
        SearchModule.register('worker'),
      ],
    };
  }
}
