import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logger, runWithRequestId } from './logger.js';

const ACCEPTED_ID = /^[\w.:-]{1,100}$/;

/** Gives each request an id (kept from X-Request-Id when sane), logs it once done. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction) {
  const incoming = request.header('x-request-id');
  const requestId = incoming && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('x-request-id', requestId);
  const started = performance.now();
  runWithRequestId(requestId, () => {
    response.on('finish', () =>
      runWithRequestId(requestId, () =>
        logger('http').info(
          {
            method: request.method,
            path: request.originalUrl.split('?')[0],
            status: response.statusCode,
            durationMs: Math.round(performance.now() - started),
          },
          'request done',
        ),
      ),
    );
    next();
  });
}
