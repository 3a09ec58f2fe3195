import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig, CoreModule } from '#libs/core';
import { MatchingModule } from '#libs/matching';
import { SearchModule } from '#libs/search';
import { ENTITIES, MIGRATIONS } from '../../api/src/persistence.js';

/** Background jobs: the search outbox relay (with Meilisearch), re-matching after it, e-mail. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({
          config,
          database: {
            url: databaseUrl,
            poolSize: Math.min(config.DATABASE_POOL_SIZE, 5),
            entities: ENTITIES,
            migrations: MIGRATIONS,
          },
          runMigrations: false,
        }),
        SearchModule.register('worker'),
        // re-matching follows the relay; e-mail sending is shared with the api (rows locked, never sent twice)
        MatchingModule,
      ],
    };
  }
}
