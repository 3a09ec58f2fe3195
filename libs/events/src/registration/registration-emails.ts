import { emailDraft, type EmailDraft, type Language, type LocalizedMessage } from '#libs/core';
import type { Event } from '../event/event.entity.js';

export const REGISTRATION_EMAIL_KIND = 'event-registration';

const titleOf = (event: Event) => ({
  ja: event.title.ja ?? event.title.en ?? '',
  en: event.title.en ?? event.title.ja ?? '',
});

/** The in-app title (and e-mail subject) telling a registrant their place or waiting-list entry. */
export function registeredTitle(event: Event, waitlisted: boolean): LocalizedMessage {
  const title = titleOf(event);
  return waitlisted
    ? {
        ja: `「${title.ja}」はキャンセル待ちで登録されました`,
        en: `You are on the waiting list for “${title.en}”`,
      }
    : { ja: `「${title.ja}」への参加登録が完了しました`, en: `You are registered for “${title.en}”` };
}

export function promotedTitle(event: Event): LocalizedMessage {
  const title = titleOf(event);
  return {
    ja: `「${title.ja}」のキャンセル待ちから参加が確定しました`,
    en: `A place freed up: you are now registered for “${title.en}”`,
  };
}

/** A guest's confirmation, with the one link that cancels the registration. */
export function guestRegisteredEmail(
  to: string,
  language: Language,
  event: Event,
  waitlisted: boolean,
  cancelLink: string,
): EmailDraft {
  const subject = registeredTitle(event, waitlisted);
  return emailDraft(to, REGISTRATION_EMAIL_KIND, {
    language,
    subject,
    paragraphs: [
      subject,
      waitlisted
        ? {
            ja: '定員に達しているため、キャンセル待ちとなります。空きが出た場合は登録順に繰り上げ、メールでお知らせします。',
            en: 'The event is full. When a place frees up, the waiting list moves up in registration order and we tell you by e-mail.',
          }
        : { ja: '当日は受付でお名前をお伝えください。', en: 'Give your name at the reception on the day.' },
      {
        ja: '参加を取り消す場合は、次のリンクを開いてください。',
        en: 'To cancel, open the link below.',
      },
    ],
    action: { label: { ja: '参加登録を取り消す', en: 'Cancel the registration' }, url: cancelLink },
  });
}

export function guestPromotedEmail(to: string, language: Language, event: Event): EmailDraft {
  const subject = promotedTitle(event);
  return emailDraft(to, REGISTRATION_EMAIL_KIND, {
    language,
    subject,
    paragraphs: [
      subject,
      {
        ja: '参加を取り消す場合は、最初の登録確認メールのリンクを開いてください。',
        en: 'To cancel, open the link in your first confirmation e-mail.',
      },
    ],
  });
}

export function reminderTitle(event: Event): LocalizedMessage {
  const title = titleOf(event);
  return { ja: `明日は「${title.ja}」の開催日です`, en: `“${title.en}” is tomorrow` };
}

export function guestReminderEmail(
  to: string,
  language: Language,
  event: Event,
  when: LocalizedMessage,
): EmailDraft {
  const subject = reminderTitle(event);
  return emailDraft(to, REGISTRATION_EMAIL_KIND, {
    language,
    subject,
    paragraphs: [subject, when],
  });
}
