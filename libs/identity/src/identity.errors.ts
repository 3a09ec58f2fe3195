import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  EmailTaken = 'EMAIL_TAKEN',
  UserNotFound = 'USER_NOT_FOUND',
  OrganizationMismatch = 'ORGANIZATION_MISMATCH',
  NoAffiliation = 'NO_AFFILIATION',
  TooManyAttempts = 'TOO_MANY_SIGN_IN_ATTEMPTS',
  NotYourOrganization = 'NOT_YOUR_ORGANIZATION',
}

const KINDS: Record<IdentityErrorCode, ErrorKind> = {
  [IdentityErrorCode.InvalidCredentials]: ErrorKind.Unauthenticated,
  [IdentityErrorCode.InvalidRefreshToken]: ErrorKind.Unauthenticated,
  [IdentityErrorCode.EmailTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.UserNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.OrganizationMismatch]: ErrorKind.BadUserInput,
  [IdentityErrorCode.NoAffiliation]: ErrorKind.BadUserInput,
  [IdentityErrorCode.TooManyAttempts]: ErrorKind.Forbidden,
  [IdentityErrorCode.NotYourOrganization]: ErrorKind.Forbidden,
};

export class IdentityError extends DomainError {
  constructor(code: IdentityErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static invalidCredentials() {
    return new IdentityError(IdentityErrorCode.InvalidCredentials, {
      ja: 'メールアドレスまたはパスワードが正しくありません',
      en: 'Wrong email or password',
    });
  }

  static invalidRefreshToken() {
    return new IdentityError(IdentityErrorCode.InvalidRefreshToken, {
      ja: 'ログインの有効期限が切れました。再度ログインしてください',
      en: 'This refresh token is no longer valid; sign in again',
    });
  }

  static userNotFound(id: string, path: string) {
    return new IdentityError(
      IdentityErrorCode.UserNotFound,
      { ja: `ユーザーが見つかりません: ${id}`, en: `No user with id ${id}` },
      [{ path, messages: ['no such user'] }],
    );
  }
}
