import { emailDraft, type EmailDraft, type Language } from '#libs/core';

export const SIGN_UP_EMAIL_KIND = 'sign-up';

const IGNORE = {
  ja: 'お心当たりのない場合は、このメールを破棄してください。',
  en: 'If you did not sign up, ignore this e-mail.',
};

/** The link that confirms a new account's address, in the language chosen at sign-up. */
export function confirmAddressEmail(to: string, language: Language, link: string, hours: number): EmailDraft {
  return emailDraft(to, SIGN_UP_EMAIL_KIND, {
    language,
    subject: { ja: 'メールアドレスの確認', en: 'Confirm your e-mail address' },
    paragraphs: [
      {
        ja: 'Kyoso へのご登録ありがとうございます。次のリンクを開いてメールアドレスを確認してください。',
        en: 'Thank you for signing up to Kyoso. Open the link below to confirm your e-mail address.',
      },
      {
        ja: `リンクの有効期限は${hours}時間で、一度だけ使えます。`,
        en: `It works once, within ${hours} hours.`,
      },
      IGNORE,
    ],
    action: { label: { ja: 'メールアドレスを確認する', en: 'Confirm your address' }, url: link },
  });
}

/** Told to the owner when someone signs up with an address that already has an account (in the owner's language). */
export function alreadyRegisteredEmail(to: string, language: Language, signInLink: string): EmailDraft {
  return emailDraft(to, SIGN_UP_EMAIL_KIND, {
    language,
    subject: { ja: '登録済みのメールアドレスです', en: 'This address already has an account' },
    paragraphs: [
      {
        ja: 'このメールアドレスで Kyoso への新規登録が試みられましたが、既にアカウントがあります。ご本人の場合は、次のリンクからログインしてください。',
        en: 'Someone tried to sign up to Kyoso with this address, which already has an account. If it was you, sign in with the link below.',
      },
      {
        ja: 'お心当たりのない場合は、このメールを破棄してください。アカウントは変更されていません。',
        en: 'If it was not you, ignore this e-mail: your account has not changed.',
      },
    ],
    action: { label: { ja: 'ログイン', en: 'Sign in' }, url: signInLink },
  });
}
