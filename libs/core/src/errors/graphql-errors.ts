import { Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { currentRequestId, logger } from '../logging/logger.js';
import { DomainError, ErrorKind } from './domain-error.js';

export type GraphQLErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** The one mapping from error kinds to GraphQL codes; a new kind fails to compile until mapped. */
export function graphqlCode(kind: ErrorKind): GraphQLErrorCode {
  switch (kind) {
    case ErrorKind.BadUserInput:
      return 'BAD_USER_INPUT';
    case ErrorKind.Unauthenticated:
      return 'UNAUTHENTICATED';
    case ErrorKind.Forbidden:
      return 'FORBIDDEN';
    case ErrorKind.NotFound:
      return 'NOT_FOUND';
    case ErrorKind.Conflict:
      return 'CONFLICT';
    case ErrorKind.Unavailable:
      return 'SERVICE_UNAVAILABLE';
    case ErrorKind.RateLimited:
      return 'RATE_LIMITED';
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unmapped error kind ${String(value)}`);
}

const HTTP_STATUS_CODES: Record<number, GraphQLErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

/** Turns anything a resolver throws into a client-safe GraphQLError. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) {
    // A resolver's error as GraphQL wrapped it (field resolvers bypass the exception
    // filter): map what was thrown, keeping where it happened.
    const thrown = error.originalError;
    if (!thrown || thrown instanceof GraphQLError) return error;
    const mapped = toGraphQLError(thrown);
    return new GraphQLError(mapped.message, {
      nodes: error.nodes,
      path: error.path,
      originalError: thrown,
      extensions: mapped.extensions,
    });
  }
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: {
        code: graphqlCode(error.kind),
        reason: error.code,
        localizedMessage: error.localized,
        ...(error.fields.length ? { fields: error.fields } : {}),
      },
    });
  }
  if (error instanceof HttpException && HTTP_STATUS_CODES[error.getStatus()]) {
    return new GraphQLError(error.message, { extensions: { code: HTTP_STATUS_CODES[error.getStatus()] } });
  }
  const requestId = currentRequestId();
  logger('GraphQL').error({ err: error }, 'unexpected error in resolver');
  return new GraphQLError('Internal server error', {
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      requestId,
      localizedMessage: { ja: 'サーバー内部でエラーが発生しました', en: 'Internal server error' },
    },
  });
}

/** The single filter: every exception from a GraphQL resolver passes through here. */
@Catch()
export class GraphQLErrorFilter implements ExceptionFilter {
  catch(exception: unknown) {
    return toGraphQLError(exception);
  }
}
