import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  EmailTaken = 'EMAIL_TAKEN',
  UserNotFound = 'USER_NOT_FOUND',
  OrganizationMismatch = 'ORGANIZATION_MISMATCH',
  NoAffiliation = 'NO_AFFILIATION',
  NotYourOrganization = 'NOT_YOUR_ORGANIZATION',
  NotYourAccount = 'NOT_YOUR_ACCOUNT',
  WeakPassword = 'WEAK_PASSWORD',
  InvalidEmailToken = 'INVALID_EMAIL_TOKEN',
  EmailNotVerified = 'EMAIL_NOT_VERIFIED',
  WrongPassword = 'WRONG_PASSWORD',
  SessionNotFound = 'SESSION_NOT_FOUND',
  InvalidInvitation = 'INVALID_INVITATION',
  InvitationUsed = 'INVITATION_USED',
  InvitationNotFound = 'INVITATION_NOT_FOUND',
  AdminsInviteCoordinators = 'ADMINS_INVITE_COORDINATORS',
  EmailUnchanged = 'EMAIL_UNCHANGED',
  AlreadyAffiliated = 'ALREADY_AFFILIATED',
  AccountDeactivated = 'ACCOUNT_DEACTIVATED',
  CannotDeactivateSelf = 'CANNOT_DEACTIVATE_SELF',
  LastAdmin = 'LAST_ADMIN',
}

const KINDS: Record<IdentityErrorCode, ErrorKind> = {
  [IdentityErrorCode.InvalidCredentials]: ErrorKind.Unauthenticated,
  [IdentityErrorCode.InvalidRefreshToken]: ErrorKind.Unauthenticated,
  [IdentityErrorCode.EmailTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.UserNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.OrganizationMismatch]: ErrorKind.BadUserInput,
  [IdentityErrorCode.NoAffiliation]: ErrorKind.BadUserInput,
  [IdentityErrorCode.NotYourOrganization]: ErrorKind.Forbidden,
  [IdentityErrorCode.NotYourAccount]: ErrorKind.Forbidden,
  [IdentityErrorCode.WeakPassword]: ErrorKind.BadUserInput,
  [IdentityErrorCode.InvalidEmailToken]: ErrorKind.BadUserInput,
  [IdentityErrorCode.EmailNotVerified]: ErrorKind.BadUserInput,
  [IdentityErrorCode.WrongPassword]: ErrorKind.BadUserInput,
  [IdentityErrorCode.SessionNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.InvalidInvitation]: ErrorKind.BadUserInput,
  [IdentityErrorCode.InvitationUsed]: ErrorKind.Conflict,
  [IdentityErrorCode.InvitationNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.AdminsInviteCoordinators]: ErrorKind.Forbidden,
  [IdentityErrorCode.EmailUnchanged]: ErrorKind.BadUserInput,
  [IdentityErrorCode.AlreadyAffiliated]: ErrorKind.Conflict,
  [IdentityErrorCode.AccountDeactivated]: ErrorKind.Unauthenticated,
  [IdentityErrorCode.CannotDeactivateSelf]: ErrorKind.BadUserInput,
  [IdentityErrorCode.LastAdmin]: ErrorKind.Conflict,
};

export class IdentityError extends DomainError {
  constructor(code: IdentityErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  /** Also the answer for an account whose address is not confirmed yet: the same for both, so it tells nothing. */
  static invalidCredentials() {
    return new IdentityError(IdentityErrorCode.InvalidCredentials, {
      ja: 'メールアドレスまたはパスワードが正しくないか、メールアドレスの確認がまだです（登録時のメールのリンクを開いてください）',
      en: 'Wrong email or password, or the address is not confirmed yet (open the link in the sign-up e-mail)',
    });
  }

  static invalidEmailToken(path = 'token') {
    return new IdentityError(
      IdentityErrorCode.InvalidEmailToken,
      {
        ja: 'このリンクは期限切れか、既に使われています。もう一度登録すると新しいリンクが届きます',
        en: 'This link has expired or was already used; sign up again for a new one',
      },
      [{ path, messages: ['expired, used or unknown'] }],
    );
  }

  /** A password-reset link that expired, was used, was replaced by a newer one, or never existed. */
  static invalidResetToken(path = 'token') {
    return new IdentityError(
      IdentityErrorCode.InvalidEmailToken,
      {
        ja: 'このリンクは期限切れか、既に使われています。パスワードの再設定をもう一度お申し込みください',
        en: 'This link has expired or was already used; ask for a new password reset e-mail',
      },
      [{ path, messages: ['expired, used or unknown'] }],
    );
  }

  /** Changing the password needs the current one. */
  static wrongPassword(path = 'currentPassword') {
    return new IdentityError(
      IdentityErrorCode.WrongPassword,
      { ja: '現在のパスワードが正しくありません', en: 'The current password is not right' },
      [{ path, messages: ['wrong password'] }],
    );
  }

  /** Unknown, already ended, and another account's sessions all answer the same. */
  static sessionNotFound(id: string, path = 'id') {
    return new IdentityError(
      IdentityErrorCode.SessionNotFound,
      {
        ja: `ログイン中のセッションが見つかりません: ${id}`,
        en: `None of your active sessions has id ${id}`,
      },
      [{ path, messages: ['no such active session of yours'] }],
    );
  }

  /** Only an account whose owner proved the address may be approved into an organization. */
  static emailNotVerified(path = 'input.userId') {
    return new IdentityError(
      IdentityErrorCode.EmailNotVerified,
      {
        ja: 'このアカウントはメールアドレスの確認が済んでいません',
        en: 'This account has not confirmed its e-mail address yet',
      },
      [{ path, messages: ['e-mail address not confirmed'] }],
    );
  }

  static invalidRefreshToken() {
    return new IdentityError(IdentityErrorCode.InvalidRefreshToken, {
      ja: 'ログインの有効期限が切れました。再度ログインしてください',
      en: 'This refresh token is no longer valid; sign in again',
    });
  }

  static emailTaken(path = 'input.email') {
    return new IdentityError(
      IdentityErrorCode.EmailTaken,
      { ja: 'このメールアドレスは既に登録されています', en: 'An account with this email already exists' },
      [{ path, messages: ['already registered'] }],
    );
  }

  static userNotFound(id: string, path: string) {
    return new IdentityError(
      IdentityErrorCode.UserNotFound,
      { ja: `ユーザーが見つかりません: ${id}`, en: `No user with id ${id}` },
      [{ path, messages: ['no such user'] }],
    );
  }

  /** A researcher must belong to an academic body, a company member to a company or startup. */
  static organizationMismatch(role: string, organizationType: string, path = 'input.organizationId') {
    return new IdentityError(
      IdentityErrorCode.OrganizationMismatch,
      role === 'company-member'
        ? {
            ja: '企業の方は企業・ベンチャーを所属に選んでください',
            en: 'Company members belong to a company or startup',
          }
        : {
            ja: '研究者の方は大学・研究機関などを所属に選んでください',
            en: 'Researchers belong to a university, institute or laboratory, not a company',
          },
      [{ path, messages: [`a ${role} cannot belong to a ${organizationType}`] }],
    );
  }

  static noAffiliation(path = 'input.userId') {
    return new IdentityError(
      IdentityErrorCode.NoAffiliation,
      { ja: 'このアカウントには所属がありません', en: 'This account has no affiliation to decide on' },
      [{ path, messages: ['staff accounts have no affiliation'] }],
    );
  }

  static notYourOrganization(path = 'organizationId') {
    return new IdentityError(
      IdentityErrorCode.NotYourOrganization,
      {
        ja: '所属していない組織のメンバーは表示できません',
        en: 'You can list the members of your own organization only',
      },
      [{ path, messages: ['not your organization'] }],
    );
  }

  /** What only the account itself and staff may see (its email address). */
  static notYourAccount() {
    return new IdentityError(IdentityErrorCode.NotYourAccount, {
      ja: 'ご本人とコーディネーターのみが閲覧できます',
      en: 'Only the account itself and coordinators may see this',
    });
  }

  /** A chosen password that is too short, common or easy to guess; the message says which. */
  static weakPassword(why: LocalizedMessage, path = 'input.password') {
    return new IdentityError(IdentityErrorCode.WeakPassword, why, [{ path, messages: [why.en] }]);
  }

  /** An invitation link that expired, was revoked or replaced, or never existed. */
  static invalidInvitation(path = 'input.token') {
    return new IdentityError(
      IdentityErrorCode.InvalidInvitation,
      {
        ja: 'この招待リンクは期限切れか、取り消されています。招待した方に新しい招待をお願いしてください',
        en: 'This invitation has expired or was withdrawn; ask the person who invited you for a new one',
      },
      [{ path, messages: ['expired, revoked or unknown invitation'] }],
    );
  }

  /** An invitation is accepted once: the account it made signs in instead. */
  static invitationUsed(path = 'input.token') {
    return new IdentityError(
      IdentityErrorCode.InvitationUsed,
      {
        ja: 'この招待は既に受諾されています。作成したアカウントでログインしてください',
        en: 'This invitation was already accepted; sign in with the account it created',
      },
      [{ path, messages: ['already accepted'] }],
    );
  }

  /** Unknown invitations and other people's answer the same. */
  static invitationNotFound(id: string, path = 'id') {
    return new IdentityError(
      IdentityErrorCode.InvitationNotFound,
      { ja: `招待が見つかりません: ${id}`, en: `None of your invitations has id ${id}` },
      [{ path, messages: ['no such invitation of yours'] }],
    );
  }

  /** A coordinator account, like createStaffAccount's, is an admin's to give. */
  static adminsInviteCoordinators(path = 'input.role') {
    return new IdentityError(
      IdentityErrorCode.AdminsInviteCoordinators,
      {
        ja: 'コーディネーターを招待できるのは管理者だけです',
        en: 'Only an admin may invite a coordinator',
      },
      [{ path, messages: ['only an admin may invite a coordinator'] }],
    );
  }

  /** Members invite colleagues to their own organization only. */
  static inviteToOwnOrganization(path = 'input.organizationId') {
    return new IdentityError(
      IdentityErrorCode.NotYourOrganization,
      {
        ja: '招待できるのはご自身の所属組織へだけです',
        en: 'You can invite colleagues to your own organization only',
      },
      [{ path, messages: ['not your organization'] }],
    );
  }

  /** A change of address to the address the account already has. */
  static emailUnchanged(path = 'input.newEmail') {
    return new IdentityError(
      IdentityErrorCode.EmailUnchanged,
      {
        ja: 'これは現在のメールアドレスです。新しいメールアドレスを入力してください',
        en: 'This is already your e-mail address; enter the new one',
      },
      [{ path, messages: ['same as the current address'] }],
    );
  }

  /** A change-of-address link that expired, was used, was replaced by a newer one, or never existed. */
  static invalidEmailChangeToken(path = 'token') {
    return new IdentityError(
      IdentityErrorCode.InvalidEmailToken,
      {
        ja: 'このリンクは期限切れか、既に使われています。メールアドレスの変更をもう一度お申し込みください',
        en: 'This link has expired or was already used; ask to change your e-mail address again',
      },
      [{ path, messages: ['expired, used or unknown'] }],
    );
  }

  /** The new address got an account of its own between the request and the opening of its link. */
  static emailChangeTaken(path = 'token') {
    return new IdentityError(
      IdentityErrorCode.EmailTaken,
      {
        ja: 'このメールアドレスは別のアカウントで使われています。メールアドレスは変更されていません',
        en: 'This address now belongs to another account; your e-mail address was not changed',
      },
      [{ path, messages: ['the new address is already registered'] }],
    );
  }

  /** Leaving needs an organization to leave: a researcher or company member who already left has none. */
  static notInAnOrganization(path = 'leaveOrganization') {
    return new IdentityError(
      IdentityErrorCode.NoAffiliation,
      { ja: '所属している組織がありません', en: 'You do not belong to an organization' },
      [{ path, messages: ['no organization to leave'] }],
    );
  }

  /** Asking to join an organization is for an account that has none (leave the current one first). */
  static alreadyAffiliated(path = 'organizationId') {
    return new IdentityError(
      IdentityErrorCode.AlreadyAffiliated,
      {
        ja: '既に組織に所属しています（承認待ちを含む）。別の組織に移るには、先に今の組織を離れてください',
        en: 'You already belong to an organization (or wait for its approval); leave it first to join another',
      },
      [{ path, messages: ['the account already has an organization'] }],
    );
  }

  /** Said only after the right password, so it tells nothing to someone guessing. */
  static accountDeactivated() {
    return new IdentityError(
      IdentityErrorCode.AccountDeactivated,
      {
        ja: 'このアカウントは管理者により無効化されています。事務局にお問い合わせください',
        en: 'This account was deactivated by an administrator; contact the coordinators',
      },
      [{ path: 'input.email', messages: ['account deactivated'] }],
    );
  }

  static cannotDeactivateSelf(path = 'input.userId') {
    return new IdentityError(
      IdentityErrorCode.CannotDeactivateSelf,
      {
        ja: '自分自身のアカウントは無効化できません',
        en: 'You cannot deactivate your own account',
      },
      [{ path, messages: ['your own account'] }],
    );
  }

  /** Someone must stay able to manage accounts. */
  static lastAdmin(path = 'input.userId') {
    return new IdentityError(
      IdentityErrorCode.LastAdmin,
      {
        ja: '有効な管理者が他にいないため、このアカウントは無効化できません',
        en: 'This is the last active admin account; it cannot be deactivated',
      },
      [{ path, messages: ['the last active admin'] }],
    );
  }

  /** Closing the only active admin account would leave nobody to create staff accounts. */
  static lastAdminCloses() {
    return new IdentityError(IdentityErrorCode.LastAdmin, {
      ja: 'ほかに管理者がいないため、このアカウントは退会できません。先に別の管理者を作成してください',
      en: 'You are the only admin: create another admin account before closing this one',
    });
  }
}
