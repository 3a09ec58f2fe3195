import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { scheduleViolations } from './check-schedule.js';
import { schedulePartnering } from './schedule.js';
import type { ScheduleInput } from './schedule.types.js';
import { syntheticEvent } from './synthetic-event.js';

/** Small random events: up to 10 participants, 6 slots, 4 tables, 30 meetings, 4 pins (some conflicting). */
const events = fc
  .record({
    P: fc.integer({ min: 2, max: 10 }),
    S: fc.integer({ min: 1, max: 6 }),
    T: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ P, S, T }) =>
    fc
      .record({
        unavailable: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: S - 1 }), { maxLength: S }), {
          minLength: P,
          maxLength: P,
        }),
        meetings: fc.array(
          fc.record({
            a: fc.integer({ min: 0, max: P - 1 }),
            b: fc.integer({ min: 0, max: P - 1 }),
            c: fc.option(fc.integer({ min: 0, max: P - 1 }), { freq: 8 }),
            priority: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 30 },
        ),
        pins: fc.array(
          fc.record({
            m: fc.nat(),
            s: fc.integer({ min: 0, max: S - 1 }),
            t: fc.integer({ min: 0, max: T - 1 }),
          }),
          { maxLength: 4 },
        ),
      })
      .map(({ unavailable, meetings, pins }): ScheduleInput => ({
        slots: Array.from({ length: S }, (_, i) => ({ id: `s${i}` })),
        tables: Array.from({ length: T }, (_, i) => ({ id: `t${i}` })),
        participants: unavailable.map((list, i) => ({
          id: `p${i}`,
          unavailableSlotIds: list.map((s) => `s${s}`),
        })),
        meetings: meetings.map((m, i) => ({
          id: `m${i}`,
          participantIds: [m.a, m.b, ...(m.c === null ? [] : [m.c])].map((p) => `p${p}`),
          priority: m.priority,
        })),
        pins:
          meetings.length === 0
            ? []
            : pins.map((p) => ({
                meetingId: `m${p.m % meetings.length}`,
                slotId: `s${p.s}`,
                tableId: `t${p.t}`,
              })),
      })),
  );

/** The most meetings any valid schedule can place, by trying every slot for every meeting (tiny events only). */
function bruteForceOptimum(input: ScheduleInput): number {
  const S = input.slots.length;
  const T = input.tables.length;
  const off = new Map(input.participants.map((p) => [p.id, new Set(p.unavailableSlotIds)]));
  const meetings = input.meetings.map((m) => [...new Set(m.participantIds)]).filter((m) => m.length >= 2);
  const busy = new Set<string>();
  const used = new Array<number>(S).fill(0);
  let best = 0;
  const go = (i: number, placed: number) => {
    if (placed + meetings.length - i <= best) return;
    if (i === meetings.length) {
      best = placed;
      return;
    }
    const people = meetings[i];
    for (let s = 0; s < S; s++) {
      const slot = `s${s}`;
      if (used[s] >= T || people.some((p) => off.get(p)?.has(slot) || busy.has(`${p}/${slot}`))) continue;
      used[s]++;
      for (const p of people) busy.add(`${p}/${slot}`);
      go(i + 1, placed + 1);
      used[s]--;
      for (const p of people) busy.delete(`${p}/${slot}`);
    }
    go(i + 1, placed);
  };
  go(0, 0);
  return best;
}

const meetingsOf = (input: ScheduleInput) => new Set(input.meetings.map((m) => m.id));

describe('schedulePartnering on random events', () => {
  it('never double-books a person or a table, respects unavailability, places only accepted meetings once, stays under the bound', () => {
    fc.assert(
      fc.property(events, (input) => {
        const result = schedulePartnering(input);
        expect(scheduleViolations(input, result)).toEqual([]);
        const placed = new Set(result.placements.map((x) => x.meetingId));
        const unplaced = new Set(result.unplaced.map((x) => x.meetingId));
        expect([...placed, ...unplaced].sort()).toEqual([...meetingsOf(input)].sort());
        expect(result.participants.reduce((sum, p) => sum + p.placed, 0)).toBe(
          result.placements.reduce(
            (sum, x) =>
              sum + new Set(input.meetings.find((m) => m.id === x.meetingId)?.participantIds ?? []).size,
            0,
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every pin where pinned, or reports it as an error; never moves a pin elsewhere', () => {
    fc.assert(
      fc.property(events, (input) => {
        const result = schedulePartnering(input);
        const at = new Map(result.placements.map((x) => [x.meetingId, x]));
        const reported = new Set(result.errors.map((e) => e.meetingId));
        for (const pin of input.pins ?? []) {
          const x = at.get(pin.meetingId);
          const kept = x?.slotId === pin.slotId && x.tableId === pin.tableId;
          expect(kept || reported.has(pin.meetingId)).toBe(true);
        }
        const failed = new Set(
          result.errors.filter((e) => e.code.startsWith('PIN_')).map((e) => e.meetingId),
        );
        for (const id of failed) {
          const pinnedHere = (input.pins ?? []).filter((p) => p.meetingId === id);
          const x = at.get(id);
          if (x) expect(pinnedHere.some((p) => p.slotId === x.slotId && p.tableId === x.tableId)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same schedule for the same input', () => {
    fc.assert(
      fc.property(events, (input) => {
        expect(schedulePartnering(structuredClone(input))).toEqual(schedulePartnering(input));
      }),
      { numRuns: 100 },
    );
  });

  it('moves nothing when re-run on its own schedule, and nothing still valid after a meeting is cancelled', () => {
    fc.assert(
      fc.property(events, fc.nat(), (input, pick) => {
        const first = schedulePartnering(input);
        const again = schedulePartnering({ ...input, previous: first.placements });
        expect(again.moved).toBe(0);
        expect(again.placements).toEqual(first.placements);
        // A cancellation may free the place a conflicting pin asked for: that pin then wins, as pinned.
        if (input.meetings.length === 0 || first.errors.some((e) => e.code.startsWith('PIN_'))) return;
        const cancelled = input.meetings[pick % input.meetings.length].id;
        const changed = {
          ...input,
          meetings: input.meetings.filter((m) => m.id !== cancelled),
          pins: (input.pins ?? []).filter((p) => p.meetingId !== cancelled),
          previous: first.placements,
        };
        const after = schedulePartnering(changed);
        expect(after.moved).toBe(0);
        const now = new Map(after.placements.map((x) => [x.meetingId, x]));
        for (const x of first.placements)
          if (x.meetingId !== cancelled) expect(now.get(x.meetingId)).toEqual(x);
        expect(scheduleViolations(changed, after)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('has an upper bound no schedule beats, and places the optimum on tiny events', () => {
    fc.assert(
      fc.property(events, (full) => {
        const input = { ...full, meetings: full.meetings.slice(0, 7), pins: [] };
        const result = schedulePartnering(input);
        const optimum = bruteForceOptimum(input);
        expect(result.upperBound).toBeGreaterThanOrEqual(optimum);
        expect(result.placedCount).toBeGreaterThanOrEqual(optimum - 1);
      }),
      { numRuns: 200 },
    );
  });

  it('holds the rules and ≥ 98% of the bound on a seeded event of the benchmark’s shape, scaled down', () => {
    const input = syntheticEvent({
      participants: 80,
      requests: 400,
      slots: 12,
      tables: 10,
      seed: 7,
      pins: 8,
    });
    const result = schedulePartnering(input);
    expect(scheduleViolations(input, result)).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.placedCount / result.upperBound).toBeGreaterThanOrEqual(0.98);
  });
});

describe('schedulePartnering, by hand', () => {
  const base = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({
    slots: [{ id: 's1' }, { id: 's2' }],
    tables: [{ id: 't1' }, { id: 't2' }],
    participants: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
    meetings: [],
    ...over,
  });

  it('reports two pins on one table in one slot as an error, keeps the first and does not place the second elsewhere', () => {
    const input = base({
      meetings: [
        { id: 'ab', participantIds: ['a', 'b'] },
        { id: 'cd', participantIds: ['c', 'd'] },
      ],
      pins: [
        { meetingId: 'ab', slotId: 's1', tableId: 't1' },
        { meetingId: 'cd', slotId: 's1', tableId: 't1' },
      ],
    });
    const result = schedulePartnering(input);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'PIN_TABLE_TAKEN', meetingId: 'cd', conflictsWith: 'ab' }),
    ]);
    expect(result.errors[0].message.ja).toBeTruthy();
    expect(result.placements).toEqual([{ meetingId: 'ab', slotId: 's1', tableId: 't1' }]);
    expect(result.unplaced).toEqual([{ meetingId: 'cd', reason: 'pin-conflict' }]);
  });

  it('reports two pins of one person in one slot as an error naming the person', () => {
    const result = schedulePartnering(
      base({
        meetings: [
          { id: 'ab', participantIds: ['a', 'b'] },
          { id: 'ac', participantIds: ['a', 'c'] },
        ],
        pins: [
          { meetingId: 'ab', slotId: 's2', tableId: 't1' },
          { meetingId: 'ac', slotId: 's2', tableId: 't2' },
        ],
      }),
    );
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'PIN_PARTICIPANT_BUSY',
        meetingId: 'ac',
        conflictsWith: 'ab',
        participantId: 'a',
      }),
    ]);
    expect(result.placements.map((x) => x.meetingId)).toEqual(['ab']);
  });

  it('explains a participant unavailable everywhere, and lists them as short with that reason', () => {
    const result = schedulePartnering(
      base({
        participants: [{ id: 'a', unavailableSlotIds: ['s1', 's2'] }, { id: 'b' }, { id: 'c' }],
        meetings: [
          { id: 'ab', participantIds: ['a', 'b'] },
          { id: 'bc', participantIds: ['b', 'c'] },
        ],
      }),
    );
    expect(result.placements.map((x) => x.meetingId)).toEqual(['bc']);
    expect(result.unplaced).toEqual([
      { meetingId: 'ab', reason: 'participant-unavailable', participantId: 'a' },
    ]);
    expect(result.fairness.short.map((p) => [p.participantId, p.asked, p.placed, p.missed.length])).toEqual([
      ['a', 1, 0, 1],
      ['b', 2, 1, 1],
    ]);
    expect(result.fairness).toEqual(expect.objectContaining({ min: 0, median: 1, max: 1 }));
  });

  it('explains no common free slot, a fully booked participant and full tables', () => {
    const result = schedulePartnering(
      base({
        tables: [{ id: 't1' }],
        participants: [
          { id: 'a', unavailableSlotIds: ['s1'] },
          { id: 'b', unavailableSlotIds: ['s2'] },
          { id: 'c' },
          { id: 'd' },
          { id: 'e' },
        ],
        meetings: [
          { id: 'ab', participantIds: ['a', 'b'] },
          { id: 'ac', participantIds: ['a', 'c'] },
          { id: 'ad', participantIds: ['a', 'd'] },
          { id: 'be', participantIds: ['b', 'e'] },
          { id: 'ce', participantIds: ['c', 'e'] },
        ],
      }),
    );
    expect(result.errors).toEqual([]);
    const why = Object.fromEntries(result.unplaced.map((u) => [u.meetingId, u]));
    expect(why.ab).toEqual({ meetingId: 'ab', reason: 'no-common-free-slot' });
    expect(result.placedCount).toBe(2);
    expect(result.upperBound).toBe(2);
    const reasons = result.unplaced.map((u) => u.reason);
    expect(reasons).toContain('participant-fully-booked');
    expect(
      reasons.every((r) => ['no-common-free-slot', 'participant-fully-booked', 'tables-full'].includes(r)),
    ).toBe(true);
  });

  it('spreads meetings: one for each pair before a second for anyone', () => {
    const result = schedulePartnering(
      base({
        slots: [{ id: 's1' }, { id: 's2' }],
        tables: [{ id: 't1' }],
        meetings: [
          { id: 'ab', participantIds: ['a', 'b'] },
          { id: 'ac', participantIds: ['a', 'c'] },
          { id: 'de', participantIds: ['d', 'e'] },
        ],
      }),
    );
    expect(result.placements.map((x) => x.meetingId).sort()).toEqual(['ab', 'de']);
    expect(result.unplaced).toEqual([{ meetingId: 'ac', reason: 'tables-full' }]);
  });

  it('keeps a previous placement that is still valid, and moves only the one that is not', () => {
    const input = base({
      participants: [{ id: 'a' }, { id: 'b', unavailableSlotIds: ['s1'] }, { id: 'c' }, { id: 'd' }],
      meetings: [
        { id: 'ab', participantIds: ['a', 'b'] },
        { id: 'cd', participantIds: ['c', 'd'] },
      ],
      previous: [
        { meetingId: 'ab', slotId: 's1', tableId: 't2' },
        { meetingId: 'cd', slotId: 's2', tableId: 't2' },
        { meetingId: 'gone', slotId: 's1', tableId: 't1' },
      ],
    });
    const result = schedulePartnering(input);
    expect(result.moved).toBe(1);
    expect(result.placements).toContainEqual({ meetingId: 'cd', slotId: 's2', tableId: 't2' });
    expect(result.placements.find((x) => x.meetingId === 'ab')?.slotId).toBe('s2');
    expect(scheduleViolations(input, result)).toEqual([]);
  });

  it('refuses meetings with fewer than two people or unknown people, without placing them', () => {
    const result = schedulePartnering(
      base({
        meetings: [
          { id: 'aa', participantIds: ['a', 'a'] },
          { id: 'ax', participantIds: ['a', 'x'] },
          { id: 'abc', participantIds: ['a', 'b', 'c'] },
        ],
      }),
    );
    expect(result.errors.map((e) => [e.code, e.meetingId])).toEqual([
      ['TOO_FEW_PARTICIPANTS', 'aa'],
      ['UNKNOWN_PARTICIPANT', 'ax'],
    ]);
    expect(result.placements.map((x) => x.meetingId)).toEqual(['abc']);
  });
});
