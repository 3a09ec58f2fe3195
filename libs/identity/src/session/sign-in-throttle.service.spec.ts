import { describe, expect, it } from '@jest/globals';
import { MAX_SIGN_IN_DELAY_MS, signInDelayMs, SignInThrottleService } from './sign-in-throttle.service.js';

describe('signInDelayMs', () => {
  it('lets three attempts through, then doubles from 250 ms up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20, 1000].map(signInDelayMs)).toEqual([
      0, 0, 0, 250, 500, 1000, 2000, 2000, 2000,
    ]);
    expect(MAX_SIGN_IN_DELAY_MS).toBe(2000);
  });
});

describe('SignInThrottleService', () => {
  it('delays attempts on one email (counted as they start) and forgets them after 15 quiet minutes', () => {
    let now = 0;
    const throttle = new SignInThrottleService(() => now);
    const delays = Array.from({ length: 6 }, () => throttle.begin('a@x.jp'));
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000]);
    expect(throttle.begin('b@x.jp')).toBe(0);
    now += 15 * 60 * 1000 + 1;
    expect(throttle.begin('a@x.jp')).toBe(0);
  });

  it('forgets attempts after a successful sign-in', () => {
    const throttle = new SignInThrottleService(() => 0);
    for (let i = 0; i < 10; i++) throttle.begin('a@x.jp');
    throttle.succeeded('a@x.jp');
    expect(throttle.begin('a@x.jp')).toBe(0);
  });
});
