import type { DynamicModule, Type } from '@nestjs/common';
import { AppConfig, CoreModule, MailSendingModule } from '#libs/core';
import { CatalogModule } from '#libs/catalog';
import { DirectoryModule } from '#libs/directory';
import { EventsJobsModule, EventsModule } from '#libs/events';
import { IdentityModule } from '#libs/identity';
import { MatchingJobsModule, MatchingModule, RematchingModule } from '#libs/matching';
import { ReportingModule } from '#libs/reporting';
import { SearchEngineModule, SearchIndexingModule, SearchModule } from '#libs/search';
import { ENTITIES, MIGRATIONS } from './persistence.js';

export type ModuleList = (Type | DynamicModule)[];

interface Connection {
  url: string;
  poolSize: number;
  /** The api and the commands migrate at start; the worker leaves it to the api so two processes never race. */
  runMigrations?: boolean;
}

/** What every process shares: the validated config and the database with every entity and migration. */
export function commonImports(config: AppConfig, { url, poolSize, runMigrations }: Connection): ModuleList {
  return [
    CoreModule.forRoot({
      config,
      database: { url, poolSize, entities: ENTITIES, migrations: MIGRATIONS },
      runMigrations,
    }),
  ];
}

/** The domain modules the API serves under GraphQL, in dependency order (their resolvers make schema.gql). */
export const API_MODULES: ModuleList = [
  DirectoryModule,
  IdentityModule,
  CatalogModule,
  SearchModule,
  MatchingModule,
  EventsModule,
  ReportingModule,
];

/**
 * The search relay and the re-matching that follows it run in one process:
 * config.searchRelay names it (the api with the embedded engine, the worker
 * with Meilisearch; SEARCH_RELAY overrides).
 */
const SEARCH_INDEXING: ModuleList = [SearchIndexingModule, RematchingModule];

/**
 * api: the domain modules, overdue notices and e-mail, and search indexing
 * when it runs the relay. apps/api adds the GraphQL endpoint over them and
 * the demo catalogue at start.
 */
export function apiModules(config: AppConfig): ModuleList {
  return [
    ...API_MODULES,
    MatchingJobsModule,
    EventsJobsModule,
    MailSendingModule,
    ...(config.searchRelay === 'api' ? SEARCH_INDEXING : []),
  ];
}

/**
 * worker: search indexing when it runs the relay, overdue notices and e-mail
 * (the api sends them too; claims lock rows).
 */
export function workerModules(config: AppConfig): ModuleList {
  return [
    ...(config.searchRelay === 'worker' ? SEARCH_INDEXING : []),
    MatchingJobsModule,
    EventsJobsModule,
    MailSendingModule,
  ];
}

export function apiImports(config: AppConfig, databaseUrl: string): ModuleList {
  const connection = { url: databaseUrl, poolSize: config.DATABASE_POOL_SIZE };
  return [...commonImports(config, connection), ...apiModules(config)];
}

/** The worker leaves migrations to the api. */
export function workerImports(config: AppConfig, databaseUrl: string): ModuleList {
  const connection = {
    url: databaseUrl,
    poolSize: Math.min(config.DATABASE_POOL_SIZE, 5),
    runMigrations: false,
  };
  return [...commonImports(config, connection), ...workerModules(config)];
}

/**
 * cli: what each operator command boots (migrations boot none: they open a
 * bare DataSource; print-schema reads API_MODULES without a database).
 */
export const COMMANDS = {
  'create-admin': { poolSize: 2, modules: [IdentityModule] },
  catalog: { poolSize: 4, modules: [CatalogModule] },
  reindex: { poolSize: 4, modules: [SearchEngineModule] },
  report: { poolSize: 2, modules: [ReportingModule] },
} satisfies Record<string, { poolSize: number; modules: ModuleList }>;

export type CommandName = keyof typeof COMMANDS;

export function commandImports(config: AppConfig, databaseUrl: string, command: CommandName): ModuleList {
  const { poolSize, modules } = COMMANDS[command];
  return [...commonImports(config, { url: databaseUrl, poolSize }), ...modules];
}
