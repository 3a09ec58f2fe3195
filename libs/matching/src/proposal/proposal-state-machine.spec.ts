import { describe, expect, it } from '@jest/globals';
import {
  checkTransition,
  isOpen,
  nextStates,
  partiesAllowed,
  ProposalState as S,
} from './proposal-state-machine.js';

describe('the proposal state machine', () => {
  it('moves forward one step at a time, driven by coordinators', () => {
    const path = [S.PROPOSED, S.SHORTLISTED, S.INTRODUCED, S.MEETING, S.NDA, S.AGREEMENT, S.CLOSED];
    for (let i = 0; i < path.length - 1; i++)
      expect(checkTransition(path[i], path[i + 1], ['coordinator'])).toEqual({ ok: true });
    expect(checkTransition(S.REQUESTED, S.SHORTLISTED, ['coordinator'])).toEqual({ ok: true });
  });

  it('refuses skipped steps and moves backwards as illegal, whoever asks', () => {
    expect(checkTransition(S.PROPOSED, S.INTRODUCED, ['coordinator'])).toEqual({
      ok: false,
      reason: 'illegal',
    });
    expect(checkTransition(S.MEETING, S.SHORTLISTED, ['coordinator'])).toEqual({
      ok: false,
      reason: 'illegal',
    });
    expect(checkTransition(S.NDA, S.REQUESTED, ['coordinator', 'company', 'researcher'])).toEqual({
      ok: false,
      reason: 'illegal',
    });
  });

  it('lets the researcher accept or decline an introduction, but not drive the rest', () => {
    expect(checkTransition(S.INTRODUCED, S.MEETING, ['researcher'])).toEqual({ ok: true });
    expect(checkTransition(S.INTRODUCED, S.DECLINED, ['researcher'])).toEqual({ ok: true });
    expect(checkTransition(S.SHORTLISTED, S.DECLINED, ['researcher'])).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    expect(checkTransition(S.MEETING, S.NDA, ['researcher'])).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('lets the company withdraw from any open state, and nothing else', () => {
    for (const from of [
      S.REQUESTED,
      S.PROPOSED,
      S.SHORTLISTED,
      S.INTRODUCED,
      S.MEETING,
      S.NDA,
      S.AGREEMENT,
    ]) {
      expect(checkTransition(from, S.WITHDRAWN, ['company'])).toEqual({ ok: true });
    }
    expect(checkTransition(S.SHORTLISTED, S.INTRODUCED, ['company'])).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    expect(checkTransition(S.REQUESTED, S.DECLINED, ['company'])).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('ends at closed, declined and withdrawn: nothing leaves them', () => {
    for (const final of [S.CLOSED, S.DECLINED, S.WITHDRAWN]) {
      expect(isOpen(final)).toBe(false);
      expect(nextStates(final)).toEqual([]);
      for (const to of Object.values(S)) expect(partiesAllowed(final, to)).toEqual([]);
    }
  });

  it('lists the next moves with who may make them', () => {
    expect(nextStates(S.INTRODUCED)).toEqual([
      { to: S.MEETING, parties: ['coordinator', 'researcher'] },
      { to: S.DECLINED, parties: ['coordinator', 'researcher'] },
      { to: S.WITHDRAWN, parties: ['coordinator', 'company'] },
    ]);
  });
});
