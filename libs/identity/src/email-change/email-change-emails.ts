import { emailDraft, type EmailDraft, type Language } from '#libs/core';

/**
 * Every e-mail a change request sends (the link to the new address, or the "already has an
 * account" notice to its owner, and the notice to the current address); counted per address
 * for the hourly cap.
 */
export const EMAIL_CHANGE_EMAIL_KIND = 'email-change';
export const EMAIL_CHANGED_EMAIL_KIND = 'email-changed';

/** The one-time link, sent to the new address, that moves the account to it (in the account's language). */
export function confirmNewAddressEmail(
  to: string,
  language: Language,
  link: string,
  hours: number,
): EmailDraft {
  return emailDraft(to, EMAIL_CHANGE_EMAIL_KIND, {
    language,
    subject: { ja: '新しいメールアドレスの確認', en: 'Confirm your new e-mail address' },
    paragraphs: [
      {
        ja: 'Kyoso アカウントのメールアドレスをこのアドレスに変更する申し込みがありました。次のリンクを開くと変更が完了します。',
        en: 'Someone asked to change the e-mail address of a Kyoso account to this one. Open the link below to complete the change.',
      },
      {
        ja: `リンクの有効期限は${hours}時間で、一度だけ使えます。開くまでは現在のメールアドレスのままです。`,
        en: `It works once, within ${hours} hours. Until it is opened, the account keeps its current address.`,
      },
      {
        ja: 'お心当たりのない場合は、このメールを破棄してください。何も変更されません。',
        en: 'If you did not ask for this, ignore this e-mail: nothing will change.',
      },
    ],
    action: { label: { ja: 'メールアドレスを変更する', en: 'Change my address' }, url: link },
  });
}

/** Told to the owner of an address another account asked to move to (in the owner's language). */
export function addressAlreadyRegisteredEmail(
  to: string,
  language: Language,
  signInLink: string,
): EmailDraft {
  return emailDraft(to, EMAIL_CHANGE_EMAIL_KIND, {
    language,
    subject: { ja: '登録済みのメールアドレスです', en: 'This address already has an account' },
    paragraphs: [
      {
        ja: '別の Kyoso アカウントのメールアドレスをこのアドレスに変更する申し込みがありましたが、このアドレスには既に Kyoso アカウントがあります。何も変更されていません。',
        en: 'Someone asked to change the e-mail address of another Kyoso account to this one, but this address already has a Kyoso account. Nothing was changed.',
      },
      {
        ja: 'お心当たりのない場合は、このメールを破棄してください。ご自身のアカウントにはこのアドレスでログインできます。',
        en: 'If it was not you, ignore this e-mail. You can sign in to your own account with this address.',
      },
    ],
    action: { label: { ja: 'ログイン', en: 'Sign in' }, url: signInLink },
  });
}

/** Told to the current address when a change away from it is requested, so a change by someone else is noticed. */
export function changeRequestedEmail(
  to: string,
  language: Language,
  newEmail: string,
  resetLink: string,
): EmailDraft {
  return emailDraft(to, EMAIL_CHANGE_EMAIL_KIND, {
    language,
    subject: { ja: 'メールアドレスの変更の申し込み', en: 'A change of your e-mail address was requested' },
    paragraphs: [
      {
        ja: `Kyoso アカウントのメールアドレスを ${newEmail} に変更する申し込みがありました。新しいアドレスに送ったリンクが開かれるまで、変更はされません。`,
        en: `Someone asked to change the e-mail address of your Kyoso account to ${newEmail}. Nothing changes until the link sent to the new address is opened.`,
      },
      {
        ja: 'お心当たりのない場合は、パスワードが知られている恐れがあります。すぐに次のリンクからパスワードを再設定してください。',
        en: 'If it was not you, someone may know your password: reset it now with the link below.',
      },
    ],
    action: { label: { ja: 'パスワードを再設定する', en: 'Reset your password' }, url: resetLink },
  });
}

/** Told to the former address once the change is done, with the way back if it was not the owner. */
export function emailChangedEmail(
  to: string,
  language: Language,
  newEmail: string,
  resetLink: string,
): EmailDraft {
  return emailDraft(to, EMAIL_CHANGED_EMAIL_KIND, {
    language,
    subject: { ja: 'メールアドレスが変更されました', en: 'Your e-mail address was changed' },
    paragraphs: [
      {
        ja: `Kyoso アカウントのメールアドレスが ${newEmail} に変更されました。今後のログインとメールは新しいアドレスになります。`,
        en: `The e-mail address of your Kyoso account was changed to ${newEmail}. From now on you sign in with it and e-mails go to it.`,
      },
      {
        ja: 'お心当たりのない場合は、すぐにお問い合わせください。このアドレスではもうログインできないため、パスワードの再設定（次のリンク）は新しいアドレスにしか届きません。',
        en: 'If it was not you, contact us at once. This address no longer signs in to the account, so a password reset (link below) now reaches only the new address.',
      },
    ],
    action: { label: { ja: 'パスワードを再設定する', en: 'Reset your password' }, url: resetLink },
  });
}
