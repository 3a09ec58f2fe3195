import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import type { AppConfig, Viewer } from '#libs/core';

export type Authenticate = (authorization: string | undefined) => Promise<Viewer>;

const IMPORTERS = new Set(['coordinator', 'admin']);

function refuse(response: Response, status: number, code: string, message: string): void {
  // the body is never read: close the connection rather than drain it
  response.set('connection', 'close');
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** A body parser whose 413 is a GraphQL-shaped error naming the limit. */
function limited(parser: RequestHandler, limitName: string): RequestHandler {
  return (request, response, next) =>
    parser(request, response, (error?: unknown) => {
      const status = (error as { status?: number } | undefined)?.status;
      if (status !== 413) return next(error);
      refuse(response, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${limitName} allows`);
    });
}

/**
 * Parses /graphql request bodies: ordinary JSON up to REQUEST_BODY_LIMIT_KB; coordinators and admins
 * (the catalogue import) JSON or one multipart file up to IMPORT_MAX_MB. A multipart request is
 * authenticated before its body is read: anyone else gets 401/403 and nothing reaches the temp folder.
 */
export function requestGate(config: AppConfig, authenticate: Authenticate): RequestHandler {
  const smallLimit = config.REQUEST_BODY_LIMIT_KB * 1024;
  const largeLimit = config.IMPORT_MAX_MB * 1024 * 1024;
  const small = limited(express.json({ limit: smallLimit }), 'REQUEST_BODY_LIMIT_KB');
  const large = limited(express.json({ limit: largeLimit }), 'IMPORT_MAX_MB');
  const upload = graphqlUploadExpress({ maxFileSize: largeLimit, maxFiles: 1 });

  return (request: Request, response: Response, next: NextFunction) => {
    const multipart = Boolean(request.is('multipart/form-data'));
    const length = Number(request.headers['content-length']);
    const fits = Number.isFinite(length) && length <= smallLimit;
    const authorization = request.headers.authorization;
    if (!multipart && (fits || !authorization)) return small(request, response, next);
    authenticate(authorization).then((viewer) => {
      const importer = viewer.kind === 'user' && IMPORTERS.has(viewer.role);
      if (importer) return multipart ? upload(request, response, next) : large(request, response, next);
      if (!multipart) return small(request, response, next);
      if (viewer.kind === 'user')
        return refuse(response, 403, 'FORBIDDEN', 'Only coordinators and admins may upload a file');
      refuse(response, 401, 'UNAUTHENTICATED', 'Sign in as a coordinator or admin to upload a file');
    }, next);
  };
}
