import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum CatalogErrorCode {
  ProgramNotFound = 'PROGRAM_NOT_FOUND',
  ProgramCodeTaken = 'PROGRAM_CODE_TAKEN',
  SeedNotFound = 'SEED_NOT_FOUND',
  StaleVersion = 'STALE_VERSION',
  NotYourInstitution = 'NOT_YOUR_INSTITUTION',
  NotListedOnSeed = 'NOT_LISTED_ON_SEED',
  NotPublishable = 'SEED_NOT_PUBLISHABLE',
  IllegalStatusChange = 'ILLEGAL_STATUS_CHANGE',
  UnknownReference = 'UNKNOWN_REFERENCE',
  ExternalIdTaken = 'EXTERNAL_ID_TAKEN',
  NeedNotFound = 'NEED_NOT_FOUND',
  NotYourCompany = 'NOT_YOUR_COMPANY',
  InvalidValue = 'INVALID_VALUE',
}

const KINDS: Record<CatalogErrorCode, ErrorKind> = {
  [CatalogErrorCode.ProgramNotFound]: ErrorKind.NotFound,
  [CatalogErrorCode.ProgramCodeTaken]: ErrorKind.Conflict,
  [CatalogErrorCode.SeedNotFound]: ErrorKind.NotFound,
  [CatalogErrorCode.StaleVersion]: ErrorKind.Conflict,
  [CatalogErrorCode.NotYourInstitution]: ErrorKind.Forbidden,
  [CatalogErrorCode.NotListedOnSeed]: ErrorKind.Forbidden,
  [CatalogErrorCode.NotPublishable]: ErrorKind.BadUserInput,
  [CatalogErrorCode.IllegalStatusChange]: ErrorKind.Conflict,
  [CatalogErrorCode.UnknownReference]: ErrorKind.BadUserInput,
  [CatalogErrorCode.ExternalIdTaken]: ErrorKind.Conflict,
  [CatalogErrorCode.NeedNotFound]: ErrorKind.NotFound,
  [CatalogErrorCode.NotYourCompany]: ErrorKind.Forbidden,
  [CatalogErrorCode.InvalidValue]: ErrorKind.BadUserInput,
};

export class CatalogError extends DomainError {
  constructor(code: CatalogErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static staleVersion(current: number, path = 'input.version') {
    return new CatalogError(
      CatalogErrorCode.StaleVersion,
      {
        ja: `他の人が先に更新しました（最新の版は ${current}）。読み込み直してから編集してください`,
        en: `Someone else changed this first (now at version ${current}); reload and edit again`,
      },
      [{ path, messages: [`current version is ${current}`] }],
    );
  }

  static seedNotFound(id: string, path = 'id') {
    return new CatalogError(
      CatalogErrorCode.SeedNotFound,
      { ja: `研究シーズが見つかりません: ${id}`, en: `No research seed with id ${id}` },
      [{ path, messages: ['no such seed'] }],
    );
  }

  static externalIdTaken(externalId: string) {
    return new CatalogError(
      CatalogErrorCode.ExternalIdTaken,
      {
        ja: `externalId ${externalId} は既に使われています`,
        en: `externalId ${externalId} is already in use`,
      },
      [{ path: 'input.externalId', messages: ['already in use'] }],
    );
  }

  static needNotFound(id: string, path = 'id') {
    return new CatalogError(
      CatalogErrorCode.NeedNotFound,
      { ja: `ニーズが見つかりません: ${id}`, en: `No need with id ${id}` },
      [{ path, messages: ['no such need'] }],
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
