import { Injectable } from '@nestjs/common';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_TRACKED = 10000;

interface Failures {
  count: number;
  firstAt: number;
}

/**
 * Slows password guessing: after 5 failed sign-ins for one email within 15
 * minutes, further attempts are refused until the window passes. Per process;
 * a shared store is needed once the API runs as several instances.
 */
@Injectable()
export class SignInThrottleService {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  isLocked(email: string): boolean {
    const entry = this.current(email);
    return entry !== undefined && entry.count >= MAX_FAILURES;
  }

  recordFailure(email: string) {
    const entry = this.current(email) ?? { count: 0, firstAt: this.now() };
    entry.count++;
    this.failures.delete(email); // re-insert: the map stays in recency order for eviction
    this.failures.set(email, entry);
    if (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value as string);
  }

  recordSuccess(email: string) {
    this.failures.delete(email);
  }

  private current(email: string): Failures | undefined {
    const entry = this.failures.get(email);
    if (entry && this.now() - entry.firstAt > WINDOW_MS) {
      this.failures.delete(email);
      return undefined;
    }
    return entry;
  }
}
