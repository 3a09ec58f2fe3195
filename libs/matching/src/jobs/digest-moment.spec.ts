import { describe, expect, it } from '@jest/globals';
import { lastDigestMoment } from './digest-moment.js';

describe('lastDigestMoment', () => {
  it('is today 08:00 Tokyo once it has passed', () => {
    // 2026-12-01 10:00 Tokyo = 01:00 UTC
    expect(lastDigestMoment(new Date('2026-12-01T01:00:00Z'), 8).toISOString()).toBe(
      '2026-11-30T23:00:00.000Z',
    );
  });

  it('is yesterday 08:00 Tokyo before it', () => {
    // 2026-12-01 07:59 Tokyo = 2026-11-30 22:59 UTC
    expect(lastDigestMoment(new Date('2026-11-30T22:59:00Z'), 8).toISOString()).toBe(
      '2026-11-29T23:00:00.000Z',
    );
  });

  it('counts the hour itself as passed, across the UTC date line', () => {
    expect(lastDigestMoment(new Date('2026-11-30T15:00:00Z'), 0).toISOString()).toBe(
      '2026-11-30T15:00:00.000Z',
    );
  });
});
