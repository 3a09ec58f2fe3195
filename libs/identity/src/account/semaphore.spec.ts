import { describe, expect, it } from '@jest/globals';
import { Semaphore } from './semaphore.js';

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, all of them eventually, errors included', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const task = (fail: boolean) =>
      semaphore.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (fail) throw new Error('boom');
        return 'ok';
      });
    const outcomes = await Promise.allSettled(Array.from({ length: 9 }, (_, i) => task(i % 3 === 0)));
    expect(peak).toBe(2);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(6);
    expect(await task(false)).toBe('ok');
  });
});
