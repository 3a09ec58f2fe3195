/** What kind of failure a domain error is; the client sees it as extensions.code. */
export enum ErrorKind {
  BadUserInput = 'BadUserInput',
  Unauthenticated = 'Unauthenticated',
  Forbidden = 'Forbidden',
  NotFound = 'NotFound',
  Conflict = 'Conflict',
  /** A dependency (the search engine) cannot answer now; retrying later may work. */
  Unavailable = 'Unavailable',
  /** The client spent its budget for this kind of operation; it may retry after Retry-After seconds. */
  RateLimited = 'RateLimited',
}

export interface LocalizedMessage {
  ja: string;
  en: string;
}

export interface FieldProblem {
  /** Path from the operation's argument, e.g. "input.name.ja". */
  path: string;
  messages: string[];
}

/**
 * Base of every domain's exceptions. A domain declares its own code enum and a
 * Record from code to ErrorKind, so a new code without a kind fails to compile.
 */
export abstract class DomainError extends Error {
  protected constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly localized: LocalizedMessage,
    readonly fields: FieldProblem[] = [],
  ) {
    super(localized.en);
    this.name = new.target.name;
  }
}

export enum CoreErrorCode {
  InvalidInput = 'INVALID_INPUT',
  NotSignedIn = 'NOT_SIGNED_IN',
  NotAllowed = 'NOT_ALLOWED',
  AffiliationPending = 'AFFILIATION_PENDING',
  /** Someone changed the record since the version the caller sent. */
  StaleVersion = 'STALE_VERSION',
  /** Another record already has this catalogue key. */
  ExternalIdTaken = 'EXTERNAL_ID_TAKEN',
  /** Too many calls of one kind of expensive operation from one client. */
  RateLimited = 'RATE_LIMITED',
}

const CORE_ERROR_KINDS: Record<CoreErrorCode, ErrorKind> = {
  [CoreErrorCode.InvalidInput]: ErrorKind.BadUserInput,
  [CoreErrorCode.NotSignedIn]: ErrorKind.Unauthenticated,
  [CoreErrorCode.NotAllowed]: ErrorKind.Forbidden,
  [CoreErrorCode.AffiliationPending]: ErrorKind.Forbidden,
  [CoreErrorCode.StaleVersion]: ErrorKind.Conflict,
  [CoreErrorCode.ExternalIdTaken]: ErrorKind.Conflict,
  [CoreErrorCode.RateLimited]: ErrorKind.RateLimited,
};

export class CoreError extends DomainError {
  /** For RATE_LIMITED: the seconds to wait, sent as the Retry-After header. */
  retryAfterSeconds?: number;

  constructor(code: CoreErrorCode, localized: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, CORE_ERROR_KINDS[code], localized, fields);
  }

  static rateLimited(limitClass: string, retryAfterSeconds: number): CoreError {
    const error = new CoreError(CoreErrorCode.RateLimited, {
      ja: `リクエストが多すぎます（${limitClass}）。${retryAfterSeconds} 秒後にお試しください`,
      en: `Too many ${limitClass} requests from this client; retry in ${retryAfterSeconds} s`,
    });
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  static invalidInput(fields: FieldProblem[]): CoreError {
    const paths = fields.map((field) => field.path).join(', ');
    return new CoreError(
      CoreErrorCode.InvalidInput,
      { ja: `入力内容に誤りがあります: ${paths}`, en: `Invalid input: ${paths}` },
      fields,
    );
  }

  static staleVersion(current: number, path = 'input.version'): CoreError {
    return new CoreError(
      CoreErrorCode.StaleVersion,
      {
        ja: `他の人が先に更新しました（最新の版は ${current}）。読み込み直してから編集してください`,
        en: `Someone else changed this first (now at version ${current}); reload and edit again`,
      },
      [{ path, messages: [`current version is ${current}`] }],
    );
  }

  static externalIdTaken(externalId: string, path = 'input.externalId'): CoreError {
    return new CoreError(
      CoreErrorCode.ExternalIdTaken,
      {
        ja: `externalId ${externalId} は既に使われています`,
        en: `externalId ${externalId} is already in use`,
      },
      [{ path, messages: ['already in use'] }],
    );
  }
}
