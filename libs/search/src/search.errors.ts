import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum SearchErrorCode {
  InvalidCursor = 'INVALID_CURSOR',
  PageTooDeep = 'PAGE_TOO_DEEP',
  EngineUnavailable = 'SEARCH_UNAVAILABLE',
}

const KINDS: Record<SearchErrorCode, ErrorKind> = {
  [SearchErrorCode.InvalidCursor]: ErrorKind.BadUserInput,
  [SearchErrorCode.PageTooDeep]: ErrorKind.BadUserInput,
  [SearchErrorCode.EngineUnavailable]: ErrorKind.Unavailable,
};

export class SearchError extends DomainError {
  constructor(code: SearchErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static invalidCursor() {
    return new SearchError(
      SearchErrorCode.InvalidCursor,
      { ja: 'ページの指定（after）が正しくありません', en: 'The page cursor (after) is not valid' },
      [{ path: 'after', messages: ['not a cursor from a previous page'] }],
    );
  }

  static pageTooDeep(limit: number) {
    return new SearchError(
      SearchErrorCode.PageTooDeep,
      {
        ja: `検索結果は先頭 ${limit} 件までです。条件を絞り込んでください`,
        en: `Search shows the first ${limit} results; narrow the search`,
      },
      [{ path: 'after', messages: [`beyond the first ${limit} results`] }],
    );
  }

  static engineUnavailable() {
    return new SearchError(SearchErrorCode.EngineUnavailable, {
      ja: '検索エンジンに接続できません。しばらくしてから再度お試しください',
      en: 'The search engine is not answering; try again shortly',
    });
  }
}
