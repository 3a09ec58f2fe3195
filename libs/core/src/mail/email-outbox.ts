import { MoreThan, type EntityManager } from 'typeorm';
import { EmailMessage } from './email-message.entity.js';
import { renderEmail, type EmailContent } from './render-email.js';

export interface EmailDraft {
  to: string;
  kind: string;
  subject: string;
  body: string;
  html?: string;
  /** Delete the row once it is sent (it is the only trace of an address Kyoso has to forget). */
  forgetWhenSent?: boolean;
}

/** A draft rendered by renderEmail: the one way e-mails are written. */
export function emailDraft(to: string, kind: string, content: EmailContent): EmailDraft {
  const { subject, text, html } = renderEmail(content);
  return { to, kind, subject, body: text, html };
}

/** Queues e-mails in the caller's transaction: they go out only if what they tell of commits. */
export async function queueEmails(manager: EntityManager, drafts: EmailDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await manager.insert(
    EmailMessage,
    drafts.map((draft) => ({
      toAddress: draft.to,
      kind: draft.kind,
      subject: draft.subject,
      body: draft.body,
      html: draft.html ?? null,
      sentAt: null,
      attempts: 0,
      lastError: null,
      forgetWhenSent: draft.forgetWhenSent ?? false,
    })),
  );
}

/** How many e-mails of this kind were queued to the address within the last `withinMs`. */
export function recentEmailCount(
  manager: EntityManager,
  to: string,
  kind: string,
  withinMs: number,
): Promise<number> {
  return manager.countBy(EmailMessage, {
    toAddress: to,
    kind,
    createdAt: MoreThan(new Date(Date.now() - withinMs)),
  });
}
