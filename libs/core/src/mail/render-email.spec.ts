import { describe, expect, it } from '@jest/globals';
import { Language } from './language.js';
import { escapeHtml, renderEmail } from './render-email.js';

const content = {
  subject: { ja: '件名 <b>', en: 'Subject <b>' },
  paragraphs: [{ ja: '本文 "a" & \'b\'', en: 'Body "a" & \'b\'' }],
  action: { label: { ja: '開く', en: 'Open' }, url: 'https://kyoso.example/x?a=1&b="2"' },
};

describe('renderEmail', () => {
  it('writes one language, the recipient’s, as text and HTML', () => {
    const en = renderEmail({ ...content, language: Language.EN });
    expect(en.subject).toBe('[Kyoso] Subject <b>');
    expect(en.text).toContain('Body "a" & \'b\'');
    expect(en.text).toContain('Open: https://kyoso.example/x?a=1&b="2"');
    expect(en.text).not.toContain('本文');
    expect(en.html).toContain('<html lang="en">');
    expect(renderEmail({ ...content, language: Language.JA }).text).not.toContain('Body');
  });

  it('escapes every interpolated value in the HTML', () => {
    const { html } = renderEmail({ ...content, language: Language.EN });
    expect(html).toContain('<title>[Kyoso] Subject &lt;b&gt;</title>');
    expect(html).toContain('<p>Body &quot;a&quot; &amp; &#39;b&#39;</p>');
    expect(html).toContain('href="https://kyoso.example/x?a=1&amp;b=&quot;2&quot;"');
    expect(html).not.toContain('<b>');
  });

  it('links the preferences only when asked', () => {
    expect(renderEmail({ ...content, language: Language.JA }).text).not.toContain('/settings');
    const told = renderEmail({
      ...content,
      language: Language.JA,
      preferencesUrl: 'https://k.example/settings',
    });
    expect(told.text).toContain('https://k.example/settings');
    expect(told.html).toContain('href="https://k.example/settings"');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
