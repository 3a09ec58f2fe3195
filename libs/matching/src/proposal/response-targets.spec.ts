import { describe, expect, it } from '@jest/globals';
import { ProposalState } from './proposal-state-machine.js';
import { addBusinessDays, dueDate } from './response-targets.js';

describe('response targets', () => {
  it('counts business days, skipping weekends', () => {
    const friday = new Date('2026-11-27T09:00:00Z');
    expect(addBusinessDays(friday, 1).toISOString()).toBe('2026-11-30T09:00:00.000Z'); // Monday
    expect(addBusinessDays(friday, 10).toISOString()).toBe('2026-12-11T09:00:00.000Z');
  });

  it('gives open states a due date and final ones none', () => {
    const at = new Date('2026-11-30T00:00:00Z');
    expect(dueDate(ProposalState.REQUESTED, at)?.toISOString()).toBe('2026-12-14T00:00:00.000Z');
    for (const final of [ProposalState.CLOSED, ProposalState.DECLINED, ProposalState.WITHDRAWN])
      expect(dueDate(final, at)).toBeNull();
  });
});
