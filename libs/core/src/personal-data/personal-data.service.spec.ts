import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { SignedInViewer } from '../access/viewer.js';
import { PersonalDataService, type PersonalDataContributor } from './personal-data.service.js';
import { ERASED, scrubChanges } from './scrub-changes.js';

const manager = {} as EntityManager;
const viewer = { kind: 'user', userId: 'u1' } as SignedInViewer;

function contributor(section: string, layer: number, log: string[]): PersonalDataContributor {
  return {
    section,
    layer,
    export: () => {
      log.push(`export ${section}`);
      return Promise.resolve({ from: section });
    },
    erase: () => {
      log.push(`erase ${section}`);
      return Promise.resolve();
    },
  };
}

describe('PersonalDataService', () => {
  it('gathers the export from core up and erases from the top of the chain down', async () => {
    const log: string[] = [];
    const service = new PersonalDataService();
    // registered out of order on purpose: the layer decides, not the registration
    service.register(contributor('catalog', 3, log));
    service.register(contributor('activity', 0, log));
    service.register(contributor('matching', 5, log));
    service.register(contributor('profile', 1, log));
    const exported = await service.export({ viewer, email: 'a@example.jp' }, manager);
    expect(Object.keys(exported)).toEqual(['activity', 'profile', 'catalog', 'matching']);
    expect(exported.catalog).toEqual({ from: 'catalog' });
    await service.erase({ userId: 'u1', email: 'a@example.jp' }, manager);
    expect(log.slice(4)).toEqual(['erase matching', 'erase catalog', 'erase profile', 'erase activity']);
  });

  it('refuses a section registered twice', () => {
    const service = new PersonalDataService();
    service.register(contributor('profile', 1, []));
    expect(() => service.register(contributor('profile', 1, []))).toThrow(/registered twice/);
  });
});

describe('scrubChanges', () => {
  it('keeps which fields changed, erases their values but for the kept ones, and keeps nulls', () => {
    expect(
      scrubChanges(
        {
          email: { before: 'old@example.jp', after: 'new@example.jp' },
          name: { before: null, after: { ja: '鶴岡', en: 'Tsuruoka' } },
          affiliationStatus: { before: 'pending', after: 'approved' },
        },
        ['affiliationStatus'],
      ),
    ).toEqual({
      email: { before: ERASED, after: ERASED },
      name: { before: null, after: ERASED },
      affiliationStatus: { before: 'pending', after: 'approved' },
    });
  });
});
