import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum DirectoryErrorCode {
  OrganizationNotFound = 'ORGANIZATION_NOT_FOUND',
  ExternalIdTaken = 'ORGANIZATION_EXTERNAL_ID_TAKEN',
  StaleVersion = 'ORGANIZATION_STALE_VERSION',
  PersonNotFound = 'PERSON_NOT_FOUND',
}

const KINDS: Record<DirectoryErrorCode, ErrorKind> = {
  [DirectoryErrorCode.OrganizationNotFound]: ErrorKind.NotFound,
  [DirectoryErrorCode.ExternalIdTaken]: ErrorKind.Conflict,
  [DirectoryErrorCode.StaleVersion]: ErrorKind.Conflict,
  [DirectoryErrorCode.PersonNotFound]: ErrorKind.NotFound,
};

export class DirectoryError extends DomainError {
  constructor(code: DirectoryErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static organizationNotFound(id: string, path = 'id') {
    return new DirectoryError(
      DirectoryErrorCode.OrganizationNotFound,
      { ja: `組織が見つかりません: ${id}`, en: `No organization with id ${id}` },
      [{ path, messages: ['no such organization'] }],
    );
  }
}
