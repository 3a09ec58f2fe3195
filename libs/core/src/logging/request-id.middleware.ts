import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logger, runInRequestScope, type RequestScope } from './logger.js';

const ACCEPTED_ID = /^[\w.:-]{1,100}$/;

/** Gives each request an id (kept from X-Request-Id when sane) and logs it once done, with its SQL count. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction) {
  const incoming = request.header('x-request-id');
  const scope: RequestScope = {
    requestId: incoming && ACCEPTED_ID.test(incoming) ? incoming : randomUUID(),
    queries: 0,
  };
  response.setHeader('x-request-id', scope.requestId);
  const started = performance.now();
  response.on('finish', () =>
    runInRequestScope(scope, () =>
      logger('http').info(
        {
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          durationMs: Math.round(performance.now() - started),
          queries: scope.queries,
        },
        'request done',
      ),
    ),
  );
  runInRequestScope(scope, next);
}
