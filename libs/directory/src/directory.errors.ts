import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum DirectoryErrorCode {
  OrganizationNotFound = 'ORGANIZATION_NOT_FOUND',
  PersonNotFound = 'PERSON_NOT_FOUND',
}

const KINDS: Record<DirectoryErrorCode, ErrorKind> = {
  [DirectoryErrorCode.OrganizationNotFound]: ErrorKind.NotFound,
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

  static personNotFound(key: string, path = 'id') {
    return new DirectoryError(
      DirectoryErrorCode.PersonNotFound,
      { ja: `人物が見つかりません: ${key}`, en: `No person ${key}` },
      [{ path, messages: ['no such person'] }],
    );
  }
}
