import { Injectable } from '@nestjs/common';

const FREE_ATTEMPTS = 3;
const FIRST_DELAY_MS = 250;
export const MAX_SIGN_IN_DELAY_MS = 2000;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_TRACKED = 10000;

/** The wait before answering the next attempt after `attempts` unsuccessful ones: doubling, capped. */
export function signInDelayMs(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (attempts - FREE_ATTEMPTS), MAX_SIGN_IN_DELAY_MS);
}

interface Attempts {
  count: number;
  lastAt: number;
}

/**
 * Slows password guessing per account without ever locking the owner out: each
 * attempt since the last success (counted when it starts, so parallel guesses
 * slow each other) waits signInDelayMs before its password is checked, and the
 * right password always signs in. Counts are forgotten 15 minutes after the
 * last attempt. Per process; a shared store is needed with several instances.
 * Floods from one client are the per-IP rate limit's job (RATE_LIMIT_SIGN_IN).
 */
@Injectable()
export class SignInThrottleService {
  private readonly attempts = new Map<string, Attempts>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Registers an attempt and returns how long it must wait before the password is checked. */
  begin(email: string): number {
    const entry = this.current(email) ?? { count: 0, lastAt: 0 };
    const delay = signInDelayMs(entry.count);
    entry.count++;
    entry.lastAt = this.now();
    this.attempts.delete(email); // re-insert: the map stays in recency order for eviction
    this.attempts.set(email, entry);
    if (this.attempts.size > MAX_TRACKED) this.attempts.delete(this.attempts.keys().next().value as string);
    return delay;
  }

  succeeded(email: string) {
    this.attempts.delete(email);
  }

  private current(email: string): Attempts | undefined {
    const entry = this.attempts.get(email);
    if (entry && this.now() - entry.lastAt > WINDOW_MS) {
      this.attempts.delete(email);
      return undefined;
    }
    return entry;
  }
}
