import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum MatchingErrorCode {
  NeedClosed = 'NEED_CLOSED',
  NotYourNeed = 'NOT_YOUR_NEED',
}

const KINDS: Record<MatchingErrorCode, ErrorKind> = {
  [MatchingErrorCode.NeedClosed]: ErrorKind.Conflict,
  [MatchingErrorCode.NotYourNeed]: ErrorKind.Forbidden,
};

export class MatchingError extends DomainError {
  constructor(code: MatchingErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static needClosed() {
    return new MatchingError(MatchingErrorCode.NeedClosed, { ja: '終了したニーズには候補を出しません', en: 'A closed need gets no candidates' }, [
      { path: 'needId', messages: ['the need is closed'] },
    ]);
  }

  static notYourNeed() {
    return new MatchingError(
      MatchingErrorCode.NotYourNeed,
      { ja: '候補を見られるのは、ニーズを出した企業とコーディネーターです', en: 'Only the company that posted the need and coordinators see its candidates' },
      [{ path: 'needId', messages: ['not your company’s need'] }],
    );
  }
}
