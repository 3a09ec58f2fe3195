import { describe, expect, it } from '@jest/globals';
import { cleanUserAgent, USER_AGENT_MAX } from './user-agent.js';

describe('cleanUserAgent', () => {
  it('keeps an ordinary header as given', () => {
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15';
    expect(cleanUserAgent(ua)).toBe(ua);
  });

  it('drops control characters and lone surrogates, and is null when nothing is left', () => {
    expect(cleanUserAgent('evil\u0000\u001b[31m\nagent\ud800')).toBe('evil [31m agent');
    expect(cleanUserAgent('\u0000\t ')).toBeNull();
    expect(cleanUserAgent(undefined)).toBeNull();
  });

  it('cuts at whole characters', () => {
    const cut = cleanUserAgent('😀'.repeat(USER_AGENT_MAX + 10))!;
    expect(Array.from(cut)).toHaveLength(USER_AGENT_MAX);
    expect(cut.endsWith('😀')).toBe(true);
  });
});
