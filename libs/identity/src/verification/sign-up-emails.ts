import type { EmailDraft } from '#libs/core';

export const SIGN_UP_EMAIL_KIND = 'sign-up';

/** The link that confirms a new account's address (ja first, then en). */
export function confirmAddressEmail(to: string, link: string, hours: number): EmailDraft {
  return {
    to,
    kind: SIGN_UP_EMAIL_KIND,
    subject: '[Kyoso] メールアドレスの確認 / Confirm your e-mail address',
    body: [
      'Kyoso へのご登録ありがとうございます。次のリンクを開いてメールアドレスを確認してください。',
      `リンクの有効期限は${hours}時間で、一度だけ使えます。`,
      '',
      link,
      '',
      'Thank you for signing up to Kyoso. Open the link above to confirm your e-mail address.',
      `It works once, within ${hours} hours.`,
      '',
      'お心当たりのない場合は、このメールを破棄してください。',
      'If you did not sign up, ignore this e-mail.',
      '',
    ].join('\n'),
  };
}

/** Told to the owner when someone signs up with an address that already has an account. */
export function alreadyRegisteredEmail(to: string, signInLink: string): EmailDraft {
  return {
    to,
    kind: SIGN_UP_EMAIL_KIND,
    subject: '[Kyoso] 登録済みのメールアドレスです / This address already has an account',
    body: [
      'このメールアドレスで Kyoso への新規登録が試みられましたが、既にアカウントがあります。',
      `ご本人の場合は、こちらからログインしてください: ${signInLink}`,
      'お心当たりのない場合は、このメールを破棄してください。アカウントは変更されていません。',
      '',
      'Someone tried to sign up to Kyoso with this address, which already has an account.',
      `If it was you, sign in here: ${signInLink}`,
      'If it was not you, ignore this e-mail: your account has not changed.',
      '',
    ].join('\n'),
  };
}
