import { describe, expect, it } from '@jest/globals';
import { diffFields } from './audit-log.js';

describe('diffFields', () => {
  it('keeps only the fields that changed, with before and after', () => {
    expect(
      diffFields(
        {
          trl: 4,
          fields: ['metabolomics'],
          title: { ja: '代謝', en: null },
          publishedAt: new Date('2026-01-01T00:00:00Z'),
        },
        {
          trl: 5,
          fields: ['metabolomics'],
          title: { ja: '代謝', en: null },
          publishedAt: new Date('2026-01-01T00:00:00Z'),
        },
      ),
    ).toEqual({ trl: { before: 4, after: 5 } });
  });

  it('treats a new record as every field changed from null', () => {
    expect(diffFields(null, { status: 'draft', trl: null })).toEqual({
      status: { before: null, after: 'draft' },
    });
  });
});
