import { emailDraft, type EmailDraft, Language, type LocalizedMessage } from '#libs/core';

/** Both invitation e-mails count toward the hourly cap per address. */
export const INVITATION_EMAIL_KIND = 'invitation';

export interface InvitationLetter {
  language: Language;
  /** The inviter's name and the organization's, in both languages where known. */
  inviter: LocalizedMessage;
  organization: LocalizedMessage | null;
  role: string;
  note: string | null;
}

const ROLE: Record<string, LocalizedMessage> = {
  researcher: { ja: '研究者', en: 'a researcher' },
  'company-member': { ja: '企業メンバー', en: 'a company member' },
  coordinator: { ja: 'コーディネーター', en: 'a coordinator' },
};

function joining(letter: InvitationLetter): LocalizedMessage {
  const role = ROLE[letter.role] ?? { ja: letter.role, en: letter.role };
  const org = letter.organization;
  return {
    ja: `${letter.inviter.ja}さんから、Kyoso に${org ? `「${org.ja}」の` : ''}${role.ja}として参加するよう招待が届いています。`,
    en: `${letter.inviter.en} invited you to join Kyoso as ${role.en}${org ? ` of ${org.en}` : ''}.`,
  };
}

function noteOf(letter: InvitationLetter): LocalizedMessage[] {
  if (!letter.note) return [];
  return [{ ja: `メッセージ: 「${letter.note}」`, en: `Their note: “${letter.note}”` }];
}

/** The one-time link that creates the invited account, with who invited and until when. */
export function invitationEmail(
  to: string,
  letter: InvitationLetter,
  link: string,
  expiresAt: Date,
): EmailDraft {
  const until = tokyoTime(expiresAt);
  return emailDraft(to, INVITATION_EMAIL_KIND, {
    language: letter.language,
    subject: { ja: 'Kyoso への招待', en: 'You are invited to Kyoso' },
    paragraphs: [
      joining(letter),
      ...noteOf(letter),
      {
        ja: `次のリンクからお名前とパスワードを設定すると、アカウントが作成されます。リンクは ${until}（日本時間）まで、一度だけ使えます。`,
        en: `Open the link below and choose your name and password to create your account. It works once, until ${until} (Japan time).`,
      },
      {
        ja: 'お心当たりのない場合は、このメールを破棄してください。',
        en: 'If you do not know the sender, ignore this e-mail.',
      },
    ],
    action: { label: { ja: '招待を受ける', en: 'Accept the invitation' }, url: link },
  });
}

/** Told to an address that already has an account: who invited them, and that they sign in as they are. */
export function alreadyMemberInvitationEmail(
  to: string,
  letter: InvitationLetter,
  signInLink: string,
): EmailDraft {
  return emailDraft(to, INVITATION_EMAIL_KIND, {
    language: letter.language,
    subject: { ja: 'Kyoso への招待', en: 'You are invited to Kyoso' },
    paragraphs: [
      joining(letter),
      ...noteOf(letter),
      {
        ja: 'このメールアドレスには既に Kyoso のアカウントがあります。次のリンクからいつものようにログインしてください。アカウントは変更されていません。',
        en: 'This address already has a Kyoso account: sign in as usual with the link below. Your account has not changed.',
      },
    ],
    action: { label: { ja: 'ログイン', en: 'Sign in' }, url: signInLink },
  });
}

const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** `YYYY-MM-DD HH:mm` in Japan time (UTC+9, no DST): the cluster's clock. */
function tokyoTime(instant: Date): string {
  return new Date(instant.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
