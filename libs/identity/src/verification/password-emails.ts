import { emailDraft, type EmailDraft, type Language } from '#libs/core';

/** Counted per address for the hourly cap on reset e-mails. */
export const PASSWORD_RESET_EMAIL_KIND = 'password-reset';
export const PASSWORD_CHANGED_EMAIL_KIND = 'password-changed';

/** The one-time link that lets the owner choose a new password, in the owner's language. */
export function resetPasswordEmail(
  to: string,
  language: Language,
  link: string,
  minutes: number,
): EmailDraft {
  return emailDraft(to, PASSWORD_RESET_EMAIL_KIND, {
    language,
    subject: { ja: 'パスワードの再設定', en: 'Reset your password' },
    paragraphs: [
      {
        ja: 'Kyoso のパスワード再設定が申し込まれました。次のリンクから新しいパスワードを設定してください。',
        en: 'Someone asked to reset your Kyoso password. Open the link below to choose a new one.',
      },
      {
        ja: `リンクの有効期限は${minutes}分で、一度だけ使えます。設定するとすべての端末でログアウトされます。`,
        en: `It works once, within ${minutes} minutes. Choosing a new password signs you out everywhere.`,
      },
      {
        ja: 'お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。',
        en: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      },
    ],
    action: { label: { ja: '新しいパスワードを設定する', en: 'Choose a new password' }, url: link },
  });
}

/** Tells the owner their password changed, so a change they did not make does not go unnoticed. */
export function passwordChangedEmail(
  to: string,
  language: Language,
  how: 'reset' | 'changed',
  resetLink: string,
): EmailDraft {
  const ja = how === 'reset' ? 'パスワード再設定用のリンクから' : 'ログイン中の端末から';
  const en = how === 'reset' ? 'through a password reset link' : 'from a signed-in device';
  return emailDraft(to, PASSWORD_CHANGED_EMAIL_KIND, {
    language,
    subject: { ja: 'パスワードが変更されました', en: 'Your password was changed' },
    paragraphs: [
      {
        ja: `Kyoso アカウントのパスワードが${ja}変更されました。`,
        en: `The password of your Kyoso account was changed ${en}.`,
      },
      {
        ja: 'お心当たりのない場合は、すぐに次のリンクからパスワードを再設定してください。',
        en: 'If it was not you, reset your password now with the link below.',
      },
    ],
    action: { label: { ja: 'パスワードを再設定する', en: 'Reset your password' }, url: resetLink },
  });
}
