/** What kind of failure a domain error is; the client sees it as extensions.code. */
export enum ErrorKind {
  BadUserInput = 'BadUserInput',
  Unauthenticated = 'Unauthenticated',
  Forbidden = 'Forbidden',
  NotFound = 'NotFound',
  Conflict = 'Conflict',
  /** A dependency (the search engine) cannot answer now; retrying later may work. */
  Unavailable = 'Unavailable',
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
}

const CORE_ERROR_KINDS: Record<CoreErrorCode, ErrorKind> = {
  [CoreErrorCode.InvalidInput]: ErrorKind.BadUserInput,
  [CoreErrorCode.NotSignedIn]: ErrorKind.Unauthenticated,
  [CoreErrorCode.NotAllowed]: ErrorKind.Forbidden,
  [CoreErrorCode.AffiliationPending]: ErrorKind.Forbidden,
};

export class CoreError extends DomainError {
  constructor(code: CoreErrorCode, localized: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, CORE_ERROR_KINDS[code], localized, fields);
  }

  static invalidInput(fields: FieldProblem[]): CoreError {
    const paths = fields.map((field) => field.path).join(', ');
    return new CoreError(
      CoreErrorCode.InvalidInput,
      { ja: `入力内容に誤りがあります: ${paths}`, en: `Invalid input: ${paths}` },
      fields,
    );
  }
}
