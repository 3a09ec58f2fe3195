import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { TypeOrmJsonLogger } from './typeorm-logger.js';

/** TypeORM's own option types: entity classes and schemas, migration classes. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;
export type MigrationList = NonNullable<DataSourceOptions['migrations']>;

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  entities: EntityList;
  migrations: MigrationList;
}

/** One definition of how Kyoso talks to PostgreSQL, for the app and the CLIs alike. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    logger: new TypeOrmJsonLogger(),
    maxQueryExecutionTime: 1000,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions, if ever needed, belong in migrations
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: settings.poolSize, application_name: 'kyoso' },
  };
}
