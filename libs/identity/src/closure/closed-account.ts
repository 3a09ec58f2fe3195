import { emailDraft, type EmailDraft, type Language } from '#libs/core';

export const ACCOUNT_CLOSED_EMAIL_KIND = 'account-closed';

/** The name a closed account shows wherever its id is still named (proposal steps, audit). */
export const CLOSED_ACCOUNT_NAME = { ja: '退会したユーザー', en: 'Closed account' } as const;

/** Not an argon2 hash: every password check against it fails (verifyPassword answers false). */
export const UNUSABLE_PASSWORD_HASH = '!closed';

/**
 * The address a closed account keeps: unique (the column is), undeliverable (`.invalid` is
 * reserved, RFC 2606) and unlike any real one, so the old address is free for a new sign-up.
 */
export function closedAccountEmail(userId: string): string {
  return `closed-${userId}@closed.invalid`;
}

/** Whether an address is a closed account's placeholder. */
export function isClosedAccountEmail(email: string): boolean {
  return /^closed-[0-9a-f-]{36}@closed\.invalid$/.test(email);
}

/** The last e-mail to the address the account had: what was removed and what was kept. */
export function accountClosedEmail(to: string, language: Language): EmailDraft {
  return emailDraft(to, ACCOUNT_CLOSED_EMAIL_KIND, {
    language,
    subject: { ja: 'アカウントを退会しました', en: 'Your account was closed' },
    paragraphs: [
      {
        ja: 'ご依頼により Kyoso アカウントを退会しました。ログイン中の端末はすべてログアウトされ、このメールアドレスとパスワードではログインできなくなりました。',
        en: 'As you asked, your Kyoso account was closed. Every device was signed out, and this address and password no longer sign in.',
      },
      {
        ja: 'メールアドレス、お名前、プロフィール、通知、保存した検索は削除しました。研究シーズやニーズ、マッチングの経過は所属機関・企業の記録として残り、作成者は「退会したユーザー」と表示されます。',
        en: 'Your address, name, profile, notifications and saved searches were removed. Seeds, needs and proposal histories stay as your institution’s or company’s records, attributed to “Closed account”.',
      },
      {
        ja: 'このメールアドレスで改めて登録することもできます（以前のデータは引き継がれません）。お心当たりのない場合は、すぐにコーディネーターへご連絡ください。',
        en: 'You may sign up again with this address (as a new account, without the old data). If you did not close it, contact the coordinators at once.',
      },
    ],
  });
}
