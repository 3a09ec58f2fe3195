import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import { serializeError } from './safe-error.js';

export interface RequestScope {
  requestId: string;
  /** SQL statements issued for this request, for the access log (N+1 shows up here). */
  queries: number;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/** Runs fn with a request id that every log line inside it carries. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return runInRequestScope({ requestId, queries: 0 }, fn);
}

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return requestScope.run(scope, fn);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

let queriesTotal = 0;

/** Counts one SQL statement against the current request, if it serves one. */
export function countQuery(): void {
  const scope = requestScope.getStore();
  if (!scope) return;
  scope.queries++;
  queriesTotal++;
}

/** SQL statements issued while serving requests (background jobs excluded); tests diff it around a request. */
export const queriesIssued = (): number => queriesTotal;

let root: Logger = pino({ level: 'info', serializers: { err: serializeError } });

/** Sets up the root logger; `destination` (stdout by default) lets a test read the lines. */
export function configureLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    serializers: { err: serializeError },
    base: { service: 'kyoso' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  root = destination ? pino(options, destination) : pino(options);
  return root;
}

export function logger(context?: string): Logger {
  return context ? root.child({ context }) : root;
}

/** Nest's logger interface over pino, so framework messages are JSON lines too. */
export class JsonLogger implements LoggerService {
  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    logger(context).error({ trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }
  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string) {
    if (typeof message === 'object' && message !== null) logger(context)[level](message);
    else logger(context)[level](String(message));
  }
}
