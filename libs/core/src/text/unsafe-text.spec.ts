import { describe, expect, it } from '@jest/globals';
import { unsafeTextProblem } from './unsafe-text.js';

describe('unsafeTextProblem', () => {
  it('accepts ordinary text, tabs, line breaks and surrogate pairs', () => {
    for (const text of [
      '',
      'Tsuruoka',
      '鶴岡の漢方',
      'line one\nline two\r\n\tindented',
      '🌿 herbs',
      '\u00a0nbsp',
    ])
      expect(unsafeTextProblem(text)).toBeUndefined();
  });

  it('refuses NUL, other C0 controls, DEL and C1 controls', () => {
    for (const text of [
      'a\u0000b',
      '\u0007bell',
      'vt\u000b',
      'ff\u000c',
      'esc\u001b',
      'del\u007f',
      'c1\u0085',
      '\u009f',
    ])
      expect(unsafeTextProblem(text)).toBe('contains a control character');
  });

  it('refuses unpaired surrogates, high or low, anywhere', () => {
    for (const text of ['\ud800', 'a\ud800b', 'end\udbff', '\udc00start', 'x\udfffy', '🌿\ud83c'])
      expect(unsafeTextProblem(text)).toBe('contains an unpaired UTF-16 surrogate');
  });
});
