import { describe, expect, it } from '@jest/globals';
import { ProposalState } from './proposal-state-machine.js';
import { dueDate } from './response-targets.js';

describe('response targets', () => {
  it('counts business days, skipping weekends', () => {
    const friday = new Date('2026-11-27T09:00:00Z');
    expect(dueDate(ProposalState.REQUESTED, friday)?.toISOString()).toBe('2026-12-11T09:00:00.000Z');
  });

  it('skips Japanese national holidays too', () => {
    // Entered on Thursday 30 April 2026 (JST): 1 May, then 7 May onwards: Golden Week (3–6 May) and the weekends are skipped.
    const at = new Date('2026-04-30T10:00:00+09:00');
    expect(dueDate(ProposalState.PROPOSED, at)).toEqual(new Date('2026-05-19T10:00:00+09:00'));
  });

  it('gives open states a due date and final ones none', () => {
    const at = new Date('2026-11-30T00:00:00Z');
    expect(dueDate(ProposalState.REQUESTED, at)?.toISOString()).toBe('2026-12-14T00:00:00.000Z');
    for (const final of [ProposalState.CLOSED, ProposalState.DECLINED, ProposalState.WITHDRAWN])
      expect(dueDate(final, at)).toBeNull();
  });
});
