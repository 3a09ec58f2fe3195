import { describe, expect, it } from '@jest/globals';
import { SignInThrottleService } from './sign-in-throttle.service.js';

describe('SignInThrottleService', () => {
  it('locks an email after 5 failures and unlocks it after 15 minutes', () => {
    let now = 0;
    const throttle = new SignInThrottleService(() => now);
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@x.jp');
    expect(throttle.isLocked('a@x.jp')).toBe(false);
    throttle.recordFailure('a@x.jp');
    expect(throttle.isLocked('a@x.jp')).toBe(true);
    expect(throttle.isLocked('b@x.jp')).toBe(false);
    now += 15 * 60 * 1000 + 1;
    expect(throttle.isLocked('a@x.jp')).toBe(false);
  });

  it('forgets failures after a successful sign-in', () => {
    const throttle = new SignInThrottleService(() => 0);
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@x.jp');
    throttle.recordSuccess('a@x.jp');
    throttle.recordFailure('a@x.jp');
    expect(throttle.isLocked('a@x.jp')).toBe(false);
  });
});
