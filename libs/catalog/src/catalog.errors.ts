import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

/** The catalog's codes; a stale version and a taken externalId are core's (STALE_VERSION, EXTERNAL_ID_TAKEN). */
export enum CatalogErrorCode {
  ProgramNotFound = 'PROGRAM_NOT_FOUND',
  ProgramCodeTaken = 'PROGRAM_CODE_TAKEN',
  SeedNotFound = 'SEED_NOT_FOUND',
  NotYourInstitution = 'NOT_YOUR_INSTITUTION',
  NotListedOnSeed = 'NOT_LISTED_ON_SEED',
  NotPublishable = 'SEED_NOT_PUBLISHABLE',
  IllegalStatusChange = 'ILLEGAL_STATUS_CHANGE',
  UnknownReference = 'UNKNOWN_REFERENCE',
  NeedNotFound = 'NEED_NOT_FOUND',
  NotYourCompany = 'NOT_YOUR_COMPANY',
  InvalidValue = 'INVALID_VALUE',
  ExternalIdForImports = 'EXTERNAL_ID_FOR_IMPORTS',
  PersonOfOtherInstitution = 'PERSON_OF_OTHER_INSTITUTION',
}

const KINDS: Record<CatalogErrorCode, ErrorKind> = {
  [CatalogErrorCode.ProgramNotFound]: ErrorKind.NotFound,
  [CatalogErrorCode.ProgramCodeTaken]: ErrorKind.Conflict,
  [CatalogErrorCode.SeedNotFound]: ErrorKind.NotFound,
  [CatalogErrorCode.NotYourInstitution]: ErrorKind.Forbidden,
  [CatalogErrorCode.NotListedOnSeed]: ErrorKind.Forbidden,
  [CatalogErrorCode.NotPublishable]: ErrorKind.BadUserInput,
  [CatalogErrorCode.IllegalStatusChange]: ErrorKind.Conflict,
  [CatalogErrorCode.UnknownReference]: ErrorKind.BadUserInput,
  [CatalogErrorCode.NeedNotFound]: ErrorKind.NotFound,
  [CatalogErrorCode.NotYourCompany]: ErrorKind.Forbidden,
  [CatalogErrorCode.InvalidValue]: ErrorKind.BadUserInput,
  [CatalogErrorCode.ExternalIdForImports]: ErrorKind.Forbidden,
  [CatalogErrorCode.PersonOfOtherInstitution]: ErrorKind.Forbidden,
};

export class CatalogError extends DomainError {
  private constructor(code: CatalogErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static programNotFound(value: string, path = 'id') {
    return new CatalogError(
      CatalogErrorCode.ProgramNotFound,
      { ja: `プログラムが見つかりません: ${value}`, en: `No program ${value}` },
      [{ path, messages: ['no such program'] }],
    );
  }

  static programCodeTaken(code: string) {
    return new CatalogError(
      CatalogErrorCode.ProgramCodeTaken,
      { ja: `プログラムコード ${code} は既に使われています`, en: `Program code ${code} is already in use` },
      [{ path: 'input.code', messages: ['already in use'] }],
    );
  }

  static seedNotFound(id: string, path = 'id') {
    return new CatalogError(
      CatalogErrorCode.SeedNotFound,
      { ja: `研究シーズが見つかりません: ${id}`, en: `No research seed with id ${id}` },
      [{ path, messages: ['no such seed'] }],
    );
  }

  /** Only the researchers listed on a seed (and coordinators) act on it. Shared with matching. */
  static notListedOnSeed(path = 'input.id') {
    return new CatalogError(
      CatalogErrorCode.NotListedOnSeed,
      {
        ja: 'このシーズについては、掲載された研究者とコーディネーターだけが行えます',
        en: 'Only the researchers listed on this seed and coordinators may do this',
      },
      [{ path, messages: ['not listed on this seed'] }],
    );
  }

  /** A researcher acts for their own institution only. Shared with matching. */
  static notYourInstitution(path = 'input.institutionId') {
    return new CatalogError(
      CatalogErrorCode.NotYourInstitution,
      {
        ja: '研究者は自分の所属機関のものだけを扱えます',
        en: 'Researchers act for their own institution only',
      },
      [{ path, messages: ['not your institution'] }],
    );
  }

  /**
   * An externalId is a source catalogue's key, set by coordinators (and the
   * import): refused to anyone else whatever its value, so a key taken by a
   * record they may not see tells them nothing.
   */
  static externalIdForImports(path = 'input.externalId') {
    return new CatalogError(
      CatalogErrorCode.ExternalIdForImports,
      {
        ja: '外部IDはコーディネーターとインポートだけが設定できます',
        en: 'Only coordinators and the catalogue import set an externalId',
      },
      [{ path, messages: ['set by coordinators only'] }],
    );
  }

  /**
   * Listing someone makes them a party to the seed's proposals: a researcher
   * lists people of their own institution only; another institution's people
   * are listed by coordinators, who obtain that institution's consent.
   */
  static personOfOtherInstitution(ids: string[], path = 'input.researcherIds') {
    return new CatalogError(
      CatalogErrorCode.PersonOfOtherInstitution,
      {
        ja: '他機関の研究者をシーズに掲載するには、コーディネーターに依頼してください（相手機関の同意が必要です）',
        en: 'Ask a coordinator to list people of another institution on a seed (it needs that institution’s consent)',
      },
      [{ path, messages: [`of another institution: ${ids.join(', ')}`] }],
    );
  }

  /** A company member acts for their own company only. Shared with matching. */
  static notYourCompany(path = 'input.companyId') {
    return new CatalogError(
      CatalogErrorCode.NotYourCompany,
      {
        ja: '企業の方は自社のものだけを扱えます',
        en: 'Company members act for their own company only',
      },
      [{ path, messages: ['not your company'] }],
    );
  }

  static notPublishable(fields: FieldProblem[]) {
    return new CatalogError(
      CatalogErrorCode.NotPublishable,
      {
        ja: '公開するには TRL と連携形態（1つ以上）の記入が必要です',
        en: 'To publish, a seed needs its TRL and at least one collaboration type',
      },
      fields,
    );
  }

  static illegalSeedChange(from: string, to: string) {
    return new CatalogError(
      CatalogErrorCode.IllegalStatusChange,
      { ja: `${from} のシーズは ${to} にできません`, en: `A ${from} seed cannot be ${to}` },
      [{ path: 'input.id', messages: [`seed is ${from}`] }],
    );
  }

  static needAlreadyClosed() {
    return new CatalogError(
      CatalogErrorCode.IllegalStatusChange,
      { ja: 'このニーズは既に締め切られています', en: 'This need is already closed' },
      [{ path: 'input.id', messages: ['already closed'] }],
    );
  }

  static needNotFound(id: string, path = 'id') {
    return new CatalogError(
      CatalogErrorCode.NeedNotFound,
      { ja: `ニーズが見つかりません: ${id}`, en: `No need with id ${id}` },
      [{ path, messages: ['no such need'] }],
    );
  }

  static notACompany(type: string) {
    return new CatalogError(
      CatalogErrorCode.InvalidValue,
      { ja: 'ニーズは企業・ベンチャーが登録します', en: 'Needs belong to a company or startup' },
      [{ path: 'input.companyId', messages: [`a ${type} cannot post needs`] }],
    );
  }

  static trlRangeInverted() {
    return new CatalogError(
      CatalogErrorCode.InvalidValue,
      { ja: 'TRL の下限が上限を超えています', en: 'trlMin is above trlMax' },
      [{ path: 'input.trlMax', messages: ['trlMax must be at least trlMin'] }],
    );
  }

  static unknownReference(path: string, what: string, value: string) {
    return new CatalogError(
      CatalogErrorCode.UnknownReference,
      { ja: `${what} が見つかりません: ${value}`, en: `Unknown ${what}: ${value}` },
      [{ path, messages: [`no ${what} ${value}`] }],
    );
  }
}
