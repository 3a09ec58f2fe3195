import { describe, expect, it } from '@jest/globals';
import { isTaxonomyCode, taxonomy } from './taxonomy.js';

describe('taxonomy', () => {
  it('knows the organization types with both languages', () => {
    expect(taxonomy().organizationTypes.map((entry) => entry.code)).toContain('research-institute');
    for (const entry of taxonomy().organizationTypes) {
      expect(entry.ja).toBeTruthy();
      expect(entry.en).toBeTruthy();
    }
  });

  it('rejects unknown codes and non-strings', () => {
    expect(isTaxonomyCode('organizationTypes', 'university')).toBe(true);
    expect(isTaxonomyCode('organizationTypes', 'castle')).toBe(false);
    expect(isTaxonomyCode('organizationTypes', 42)).toBe(false);
  });
});
