import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum MatchingErrorCode {
  NeedClosed = 'NEED_CLOSED',
  NotYourNeed = 'NOT_YOUR_NEED',
  ProposalNotFound = 'PROPOSAL_NOT_FOUND',
  ProposalExists = 'PROPOSAL_EXISTS',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  NotAllowedToMove = 'NOT_ALLOWED_TO_MOVE',
  DeclineReasonRequired = 'DECLINE_REASON_REQUIRED',
  SeedNotAvailable = 'SEED_NOT_AVAILABLE',
  OneScope = 'ONE_SCOPE',
  NdaVersionOutdated = 'NDA_VERSION_OUTDATED',
  NdaNotAccepted = 'NDA_NOT_ACCEPTED',
  SavedSearchNotFound = 'SAVED_SEARCH_NOT_FOUND',
  TooManySavedSearches = 'TOO_MANY_SAVED_SEARCHES',
  CompanyNotFound = 'COMPANY_NOT_FOUND',
}

const KINDS: Record<MatchingErrorCode, ErrorKind> = {
  [MatchingErrorCode.NeedClosed]: ErrorKind.Conflict,
  [MatchingErrorCode.NotYourNeed]: ErrorKind.Forbidden,
  [MatchingErrorCode.ProposalNotFound]: ErrorKind.NotFound,
  [MatchingErrorCode.ProposalExists]: ErrorKind.Conflict,
  [MatchingErrorCode.IllegalTransition]: ErrorKind.Conflict,
  [MatchingErrorCode.NotAllowedToMove]: ErrorKind.Forbidden,
  [MatchingErrorCode.DeclineReasonRequired]: ErrorKind.BadUserInput,
  [MatchingErrorCode.SeedNotAvailable]: ErrorKind.NotFound,
  [MatchingErrorCode.OneScope]: ErrorKind.BadUserInput,
  [MatchingErrorCode.NdaVersionOutdated]: ErrorKind.BadUserInput,
  [MatchingErrorCode.NdaNotAccepted]: ErrorKind.Conflict,
  [MatchingErrorCode.SavedSearchNotFound]: ErrorKind.NotFound,
  [MatchingErrorCode.TooManySavedSearches]: ErrorKind.BadUserInput,
  [MatchingErrorCode.CompanyNotFound]: ErrorKind.NotFound,
};

export class MatchingError extends DomainError {
  private constructor(code: MatchingErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static needClosed(path = 'needId') {
    return new MatchingError(
      MatchingErrorCode.NeedClosed,
      { ja: '終了したニーズには候補も提案も出せません', en: 'A closed need gets no candidates or proposals' },
      [{ path, messages: ['the need is closed'] }],
    );
  }

  static proposalNotFound(id: string) {
    return new MatchingError(
      MatchingErrorCode.ProposalNotFound,
      { ja: 'その提案は見つかりません', en: 'No such proposal' },
      [{ path: 'input.id', messages: [`no proposal ${id} you may see`] }],
    );
  }

  static proposalExists(id: string) {
    return new MatchingError(
      MatchingErrorCode.ProposalExists,
      { ja: 'この組み合わせの提案はすでにあります', en: 'This seed is already proposed for this need' },
      [{ path: 'input.seedId', messages: [`existing proposal ${id}`] }],
    );
  }

  static illegalTransition(from: string, to: string) {
    return new MatchingError(
      MatchingErrorCode.IllegalTransition,
      { ja: `${from} から ${to} へは進められません`, en: `A proposal cannot go from ${from} to ${to}` },
      [{ path: 'input.to', messages: [`not a move from ${from}`] }],
    );
  }

  static notAllowedToMove(from: string, to: string) {
    return new MatchingError(
      MatchingErrorCode.NotAllowedToMove,
      {
        ja: `${from} から ${to} へ進める権限がありません`,
        en: `You may not move this proposal from ${from} to ${to}`,
      },
      [{ path: 'input.to', messages: ['not your move'] }],
    );
  }

  static declineReasonRequired() {
    return new MatchingError(
      MatchingErrorCode.DeclineReasonRequired,
      { ja: '見送りには理由の選択が必要です', en: 'A decline needs a reason' },
      [{ path: 'input.declineReason', messages: ['required when declining, and only then'] }],
    );
  }

  static seedNotAvailable(id: string) {
    return new MatchingError(
      MatchingErrorCode.SeedNotAvailable,
      { ja: '公開中のシーズではありません', en: 'Not a published seed' },
      [{ path: 'input.seedId', messages: [`no published seed ${id}`] }],
    );
  }

  static ndaVersionOutdated(current: string) {
    return new MatchingError(
      MatchingErrorCode.NdaVersionOutdated,
      {
        ja: `NDA の文面が更新されています（最新は ${current}）。読み直してから同意してください`,
        en: `The NDA text has changed (now ${current}); read it again before accepting`,
      },
      [{ path: 'input.textVersion', messages: [`current version is ${current}`] }],
    );
  }

  static ndaNotAccepted(missing: string[]) {
    return new MatchingError(
      MatchingErrorCode.NdaNotAccepted,
      { ja: 'NDA に進むには双方の同意が必要です', en: 'Both parties must accept the NDA first' },
      [{ path: 'input.to', messages: [`not yet accepted by: ${missing.join(', ')}`] }],
    );
  }

  static savedSearchNotFound(id: string) {
    return new MatchingError(
      MatchingErrorCode.SavedSearchNotFound,
      { ja: 'その保存検索は見つかりません', en: 'No such saved search' },
      [{ path: 'id', messages: [`no saved search ${id} of yours`] }],
    );
  }

  static tooManySavedSearches(limit: number) {
    return new MatchingError(
      MatchingErrorCode.TooManySavedSearches,
      { ja: `保存できる検索は ${limit} 件までです`, en: `You can keep up to ${limit} saved searches` },
      [{ path: 'input', messages: [`at most ${limit} saved searches`] }],
    );
  }

  static companyNotFound(id: string) {
    return new MatchingError(
      MatchingErrorCode.CompanyNotFound,
      { ja: 'その組織は見つかりません', en: 'No such organization' },
      [{ path: 'organizationId', messages: [`no organization ${id}`] }],
    );
  }

  static oneScope() {
    return new MatchingError(
      MatchingErrorCode.OneScope,
      {
        ja: 'seedId か institutionId のどちらか一方を指定してください',
        en: 'Give either seedId or institutionId',
      },
      [{ path: 'seedId', messages: ['give exactly one of seedId and institutionId'] }],
    );
  }

  static notYourNeed(path = 'needId') {
    return new MatchingError(
      MatchingErrorCode.NotYourNeed,
      {
        ja: 'このニーズを扱えるのは、ニーズを出した企業とコーディネーターです',
        en: 'Only the company that posted the need and coordinators act on it',
      },
      [{ path, messages: ['not your company’s need'] }],
    );
  }
}
