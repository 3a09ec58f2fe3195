import type { LocalizedMessage } from '../errors/domain-error.js';
import { Language } from './language.js';

export const PRODUCT_NAME = 'Kyoso';

export interface EmailContent {
  language: Language;
  subject: LocalizedMessage;
  paragraphs: LocalizedMessage[];
  /** The one link the e-mail is about, shown as a button and as a plain URL. */
  action?: { label: LocalizedMessage; url: string };
  /** For notification e-mails: where the recipient changes what they receive. */
  preferencesUrl?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER = {
  preferences: {
    ja: 'メール通知の設定はこちらから変更できます',
    en: 'Change which e-mails you receive',
  },
  sentBy: {
    ja: `このメールは ${PRODUCT_NAME} から送信されました。`,
    en: `This e-mail was sent by ${PRODUCT_NAME}.`,
  },
};

/** Every e-mail, in the recipient's language, as plain text and HTML (every value escaped). */
export function renderEmail(content: EmailContent): RenderedEmail {
  const lang = content.language === Language.EN ? 'en' : 'ja';
  const subject = `[${PRODUCT_NAME}] ${content.subject[lang]}`;
  const paragraphs = content.paragraphs.map((paragraph) => paragraph[lang]);
  const action = content.action && { label: content.action.label[lang], url: content.action.url };
  const footer = [FOOTER.sentBy[lang]];
  const text = [
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    '--',
    ...footer,
    ...(content.preferencesUrl ? [`${FOOTER.preferences[lang]}: ${content.preferencesUrl}`] : []),
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.6">',
    `<p><strong>${PRODUCT_NAME}</strong></p>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(action
      ? [
          `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>`,
          `<p style="font-size: small">${escapeHtml(action.url)}</p>`,
        ]
      : []),
    '<hr>',
    `<p style="font-size: small">${escapeHtml(footer.join(' '))}</p>`,
    ...(content.preferencesUrl
      ? [
          `<p style="font-size: small"><a href="${escapeHtml(content.preferencesUrl)}">` +
            `${escapeHtml(FOOTER.preferences[lang])}</a></p>`,
        ]
      : []),
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}
