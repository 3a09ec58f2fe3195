import { describe, expect, it } from '@jest/globals';
import { isHttpsUrl, isOrcid } from './profile-links.js';

describe('isOrcid', () => {
  it.each(['0000-0002-1825-0097', '0000-0002-1694-233X', '0000-0001-5109-3700'])('accepts %s', (id) =>
    expect(isOrcid(id)).toBe(true),
  );
  it.each([
    '0000-0002-1825-0098', // wrong check digit
    '0000-0002-1694-2330',
    '0000000218250097',
    '0000-0002-1825-009',
    'https://orcid.org/0000-0002-1825-0097',
    '0000-0002-1825-009x',
    42,
  ])('refuses %s', (id) => expect(isOrcid(id)).toBe(false));
});

describe('isHttpsUrl', () => {
  it('takes https addresses on the given hosts only', () => {
    expect(isHttpsUrl('https://researchmap.jp/hanako', ['researchmap.jp'])).toBe(true);
    expect(isHttpsUrl('https://evil.example/researchmap.jp', ['researchmap.jp'])).toBe(false);
    expect(isHttpsUrl('https://researchmap.jp.evil.example/', ['researchmap.jp'])).toBe(false);
    expect(isHttpsUrl('http://researchmap.jp/hanako', ['researchmap.jp'])).toBe(false);
    expect(isHttpsUrl('https://lab.example.ac.jp/x')).toBe(true);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpsUrl('https://localhost/')).toBe(false);
  });
});
