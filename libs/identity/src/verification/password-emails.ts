import type { EmailDraft } from '#libs/core';

/** Counted per address for the hourly cap on reset e-mails. */
export const PASSWORD_RESET_EMAIL_KIND = 'password-reset';
export const PASSWORD_CHANGED_EMAIL_KIND = 'password-changed';

/** The one-time link that lets the owner choose a new password (ja first, then en). */
export function resetPasswordEmail(to: string, link: string, minutes: number): EmailDraft {
  return {
    to,
    kind: PASSWORD_RESET_EMAIL_KIND,
    subject: '[Kyoso] パスワードの再設定 / Reset your password',
    body: [
      'Kyoso のパスワード再設定が申し込まれました。次のリンクから新しいパスワードを設定してください。',
      `リンクの有効期限は${minutes}分で、一度だけ使えます。設定するとすべての端末でログアウトされます。`,
      '',
      link,
      '',
      'Someone asked to reset your Kyoso password. Open the link above to choose a new one.',
      `It works once, within ${minutes} minutes. Choosing a new password signs you out everywhere.`,
      '',
      'お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。',
      'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      '',
    ].join('\n'),
  };
}

/** Tells the owner their password changed, so a change they did not make does not go unnoticed. */
export function passwordChangedEmail(to: string, how: 'reset' | 'changed', resetLink: string): EmailDraft {
  const ja = how === 'reset' ? 'パスワード再設定用のリンクから' : 'ログイン中の端末から';
  const en = how === 'reset' ? 'through a password reset link' : 'from a signed-in device';
  return {
    to,
    kind: PASSWORD_CHANGED_EMAIL_KIND,
    subject: '[Kyoso] パスワードが変更されました / Your password was changed',
    body: [
      `Kyoso アカウントのパスワードが${ja}変更されました。`,
      `お心当たりのない場合は、すぐにこちらからパスワードを再設定してください: ${resetLink}`,
      '',
      `The password of your Kyoso account was changed ${en}.`,
      `If it was not you, reset your password now: ${resetLink}`,
      '',
    ].join('\n'),
  };
}
