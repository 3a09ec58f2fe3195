import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access/access.guard.js';
import { AccessService } from './access/access.service.js';
import { AppConfig } from './config/app-config.js';
import { DatabaseHealth } from './database/database-health.js';
import { dataSourceOptions, type DatabaseSettings } from './database/data-source-options.js';
import { GraphQLErrorFilter } from './errors/graphql-errors.js';
import { InputValidationPipe } from './graphql/input-validation.pipe.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { CorePersonalData } from './personal-data/core-personal-data.js';
import { PersonalDataService } from './personal-data/personal-data.service.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { RateLimitService } from './rate-limit/rate-limit.service.js';

export interface CoreModuleOptions {
  config: AppConfig;
  database: DatabaseSettings;
  /** The API migrates at start; the worker leaves it to the API so two processes never race. */
  runMigrations?: boolean;
}

/**
 * Config, database (migrated at start, never synchronized), health, and the
 * cross-cutting rules every operation passes: access guard, input validation,
 * error mapping.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ config, database, runMigrations = true }: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...config })] }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(database),
          migrationsRun: runMigrations,
          logging: 'all',
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: AppConfig, useValue: config },
        HealthService,
        DatabaseHealth,
        AccessService,
        PersonalDataService,
        CorePersonalData,
        RateLimitService,
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
      exports: [AppConfig, HealthService, AccessService, PersonalDataService],
    };
  }
}
