import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { LocalizedMessage } from '#libs/core';
import { PASSWORD_MIN } from './dto/password-length.js';

/** zxcvbn's score runs 0 (guessed at once) to 4; 3 resists an offline attack on a slow hash. */
const MIN_SCORE = 3;

const checker = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

const TOO_GUESSABLE: LocalizedMessage = {
  ja: 'このパスワードは推測されやすいため使えません。単語をいくつか組み合わせた長いパスワードにしてください',
  en: 'This password is too easy to guess; use a longer one made of several uncommon words',
};

/** Why zxcvbn rejected a password, by its warning key. */
const WARNINGS: Record<string, LocalizedMessage> = {
  simpleRepeat: { ja: '同じ文字の繰り返しは推測されやすいです', en: 'Repeated characters are easy to guess' },
  extendedRepeat: {
    ja: '同じ文字列の繰り返しは推測されやすいです',
    en: 'Repeated patterns are easy to guess',
  },
  sequences: {
    ja: '「abc」「123」のような並びは推測されやすいです',
    en: 'Sequences like "abc" or "123" are easy to guess',
  },
  straightRow: { ja: 'キーボードの並びは推測されやすいです', en: 'Rows of keys are easy to guess' },
  keyPattern: { ja: 'キーボードの並びは推測されやすいです', en: 'Keyboard patterns are easy to guess' },
  topTen: { ja: 'よく使われるパスワードです', en: 'This is a very common password' },
  topHundred: { ja: 'よく使われるパスワードです', en: 'This is a very common password' },
  common: { ja: 'よく使われるパスワードです', en: 'This is a commonly used password' },
  similarToCommon: {
    ja: 'よく使われるパスワードに似ています',
    en: 'This is similar to a commonly used password',
  },
  wordByItself: { ja: '単語ひとつだけでは推測されやすいです', en: 'A single word is easy to guess' },
  recentYears: { ja: '最近の年は推測されやすいです', en: 'Recent years are easy to guess' },
  dates: { ja: '日付は推測されやすいです', en: 'Dates are easy to guess' },
  userInputs: {
    ja: 'メールアドレスや名前を含めないでください',
    en: 'Do not use your email address or name in the password',
  },
};

/**
 * Why a chosen password is refused (too short, common, or otherwise easy to
 * guess), or undefined when it is strong enough. userInputs: the account's
 * own words (email, name), which make a password guessable too.
 */
export function passwordWeakness(password: string, userInputs: string[] = []): LocalizedMessage | undefined {
  if ([...password].length < PASSWORD_MIN) {
    return {
      ja: `パスワードは${PASSWORD_MIN}文字以上にしてください`,
      en: `A password needs at least ${PASSWORD_MIN} characters`,
    };
  }
  const result = checker.check(password, userInputs.flatMap(wordsOf));
  if (result.score >= MIN_SCORE) return undefined;
  const why = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return why ? { ja: `${why.ja}。${TOO_GUESSABLE.ja}`, en: `${why.en}. ${TOO_GUESSABLE.en}` } : TOO_GUESSABLE;
}

/** An email or name and its pieces ("hanako.tsuruoka@example.jp": hanako.tsuruoka, hanako, tsuruoka, …). */
function wordsOf(input: string): string[] {
  const lower = input.toLowerCase();
  const local = lower.split('@')[0];
  return [...new Set([lower, local, ...lower.split(/[^\p{L}\p{N}]+/u)])].filter((word) => word.length > 2);
}
