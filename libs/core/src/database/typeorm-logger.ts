import type { Logger as TypeOrmLogger } from 'typeorm';
import { countQuery, logger } from '../logging/logger.js';
import { describeParameters } from '../logging/safe-error.js';

/**
 * Routes TypeORM's migration notes and errors into the JSON log; queries are counted, not printed.
 * Parameters are never logged (they hold password hashes and e-mails): only their count and types.
 */
export class TypeOrmJsonLogger implements TypeOrmLogger {
  private readonly out = logger('database');

  logQuery() {
    countQuery();
  }
  logQuerySlow(time: number, query: string, parameters?: unknown[]) {
    this.out.warn(
      { durationMs: time, query: query.slice(0, 500), ...describeParameters(parameters) },
      'slow query',
    );
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]) {
    this.out.error(
      { err: error, query: query.slice(0, 500), ...describeParameters(parameters) },
      'query failed',
    );
  }
  logSchemaBuild() {}
  logMigration(message: string) {
    this.out.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.out.warn(String(message));
  }
}
