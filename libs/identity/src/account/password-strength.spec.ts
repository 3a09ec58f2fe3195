import { describe, expect, it } from '@jest/globals';
import { PASSWORD_MIN_LENGTH } from '#libs/core';
import { PASSWORD_MIN } from './dto/password-length.js';
import { passwordWeakness } from './password-strength.js';

describe('password strength', () => {
  it('keeps one minimum length, 12 characters', () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(PASSWORD_MIN_LENGTH).toBe(PASSWORD_MIN);
  });

  it.each([' '.repeat(10), 'aaaaaaaaaa', 'password12'])('refuses %j for its length', (password) => {
    expect(passwordWeakness(password)?.en).toMatch(/at least 12 characters/);
  });

  it.each([
    [' '.repeat(12), /Repeated/],
    ['aaaaaaaaaaaa', /Repeated/],
    ['password1234', /common/],
    ['abcdefghijkl', /Sequences/],
    ['qwertyuiopas', /./],
  ])('refuses the guessable %j, saying why in ja and en', (password, why) => {
    const weakness = passwordWeakness(password);
    expect(weakness?.en).toMatch(why);
    expect(weakness?.en).toMatch(/too easy to guess/);
    expect(weakness?.ja).toMatch(/推測されやすい/);
  });

  it("refuses a password made of the account's own email", () => {
    expect(passwordWeakness('hanako.tsuruoka', ['hanako.tsuruoka@example.jp'])).toBeDefined();
  });

  it.each(['correct-horse-battery-staple', 'つるおか-correct-horse', 'first-admin-password-42'])(
    'accepts %j',
    (password) => expect(passwordWeakness(password)).toBeUndefined(),
  );
});
