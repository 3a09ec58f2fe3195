import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '#libs/core';
import { workerImports } from '#libs/platform';

/** Background jobs: the worker process's modules (#libs/platform), no endpoint. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return { module: WorkerModule, imports: workerImports(config, databaseUrl) };
  }
}
