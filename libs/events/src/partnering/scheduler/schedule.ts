import type {
  ParticipantStats,
  Placement,
  ScheduleError,
  ScheduleErrorCode,
  ScheduleInput,
  ScheduleResult,
  Unplaced,
  UnplacedReason,
} from './schedule.types.js';
import { MinHeap } from './min-heap.js';
import { upperBound } from './upper-bound.js';

/** Repair attempts per run: bounds the time on heavily overbooked events (deterministic, unlike a clock). */
const REPAIR_EFFORT = 200_000;

const MESSAGES: Record<ScheduleErrorCode, { ja: string; en: string }> = {
  UNKNOWN_PARTICIPANT: {
    ja: '面談に参加者として登録されていない人が含まれています',
    en: 'The meeting names someone who is not a participant',
  },
  DUPLICATE_MEETING: { ja: '同じ面談が二度指定されています', en: 'The same meeting is given twice' },
  TOO_FEW_PARTICIPANTS: {
    ja: '面談には二人以上の参加者が必要です',
    en: 'A meeting needs two or more participants',
  },
  UNKNOWN_PIN_TARGET: {
    ja: '固定した面談・時間枠・テーブルのいずれかが存在しません',
    en: 'The pinned meeting, slot or table does not exist',
  },
  PIN_DUPLICATE: {
    ja: 'この面談は既に別の場所に固定されています',
    en: 'This meeting is already pinned elsewhere',
  },
  PIN_TABLE_TAKEN: {
    ja: 'このテーブルはこの時間枠に別の面談が固定されています',
    en: 'Another meeting is pinned to this table in this slot',
  },
  PIN_PARTICIPANT_BUSY: {
    ja: '参加者がこの時間枠に別の固定された面談に入っています',
    en: 'A participant has another pinned meeting in this slot',
  },
  PIN_PARTICIPANT_UNAVAILABLE: {
    ja: '参加者がこの時間枠を参加不可にしています',
    en: 'A participant marked this slot unavailable',
  },
};

/**
 * Places accepted meetings into slots and tables: pins first, then the previous
 * schedule wherever still valid, then a greedy pass that always takes the meeting
 * of whoever has fewest meetings so far, then repairs that move one or two
 * meetings to make room, then swaps that trade a meeting of well-served
 * participants for one of a short-served participant. Deterministic: no
 * randomness, ties broken by input order.
 */
export function schedulePartnering(input: ScheduleInput): ScheduleResult {
  const S = input.slots.length;
  const T = input.tables.length;
  const P = input.participants.length;
  const slotIndex = new Map(input.slots.map((s, i) => [s.id, i]));
  const tableIndex = new Map(input.tables.map((t, i) => [t.id, i]));
  const participantIndex = new Map(input.participants.map((p, i) => [p.id, i]));
  const available = new Uint8Array(P * S).fill(1);
  input.participants.forEach((p, i) => {
    for (const id of p.unavailableSlotIds ?? []) {
      const s = slotIndex.get(id);
      if (s !== undefined) available[i * S + s] = 0;
    }
  });
  const freeSlots = input.participants.map((_, p) => {
    let n = 0;
    for (let s = 0; s < S; s++) n += available[p * S + s];
    return n;
  });

  const errors: ScheduleError[] = [];
  const error = (code: ScheduleErrorCode, meetingId: string, extra: Partial<ScheduleError> = {}) =>
    errors.push({ code, message: MESSAGES[code], meetingId, ...extra });

  const M = input.meetings.length;
  const parts: number[][] = [];
  const valid = new Uint8Array(M);
  const meetingIndex = new Map<string, number>();
  input.meetings.forEach((meeting, m) => {
    const ids = [...new Set(meeting.participantIds)];
    const known = ids.map((id) => participantIndex.get(id));
    parts.push(known.filter((p): p is number => p !== undefined));
    if (meetingIndex.has(meeting.id)) return error('DUPLICATE_MEETING', meeting.id);
    meetingIndex.set(meeting.id, m);
    const unknown = ids.find((id) => !participantIndex.has(id));
    if (unknown !== undefined) return error('UNKNOWN_PARTICIPANT', meeting.id, { participantId: unknown });
    if (ids.length < 2) return error('TOO_FEW_PARTICIPANTS', meeting.id);
    valid[m] = 1;
  });
  const priority = input.meetings.map((m) => m.priority ?? 0);

  // State: where each meeting is, who is busy when, which tables are taken.
  const slotOf = new Int32Array(M).fill(-1);
  const tableOf = new Int32Array(M).fill(-1);
  const busy = new Int32Array(P * S).fill(-1);
  const tableAt = new Int32Array(S * T).fill(-1);
  const used = new Int32Array(S);
  const count = new Int32Array(P);
  /** 2: pinned, 1: kept from the previous schedule (neither is moved), 0: free to move. */
  const fixed = new Uint8Array(M);
  const pinFailed = new Uint8Array(M);

  /** Bumped on every change, so caches know when to recompute. */
  let version = 0;
  /** Every change, so a failed repair can be rolled back exactly. */
  const journal: number[][] = [];
  const place = (m: number, s: number, t: number) => {
    version++;
    journal.push([m, -1, -1]);
    slotOf[m] = s;
    tableOf[m] = t;
    tableAt[s * T + t] = m;
    used[s]++;
    for (const p of parts[m]) {
      busy[p * S + s] = m;
      count[p]++;
    }
  };
  const remove = (m: number) => {
    version++;
    journal.push([m, slotOf[m], tableOf[m]]);
    const s = slotOf[m];
    tableAt[s * T + tableOf[m]] = -1;
    used[s]--;
    for (const p of parts[m]) {
      busy[p * S + s] = -1;
      count[p]--;
    }
    slotOf[m] = -1;
    tableOf[m] = -1;
  };
  const allAvailable = (m: number, s: number) => {
    for (const p of parts[m]) if (!available[p * S + s]) return false;
    return true;
  };
  const fits = (m: number, s: number) => {
    if (used[s] >= T) return false;
    for (const p of parts[m]) if (!available[p * S + s] || busy[p * S + s] !== -1) return false;
    return true;
  };
  const freeTable = (s: number) => {
    for (let t = 0; t < T; t++) if (tableAt[s * T + t] === -1) return t;
    return -1;
  };
  /** The fitting slot with most free tables (spreads the load), earliest on ties. */
  const bestSlot = (m: number, avoid = -1) => {
    let best = -1;
    for (let s = 0; s < S; s++) if (s !== avoid && fits(m, s) && (best < 0 || used[s] < used[best])) best = s;
    return best;
  };
  const placeSomewhere = (m: number, avoid = -1) => {
    const s = bestSlot(m, avoid);
    if (s < 0) return false;
    place(m, s, freeTable(s));
    return true;
  };
  const minCount = (ps: readonly number[]) => {
    let min = Infinity;
    for (const p of ps) if (count[p] < min) min = count[p];
    return min;
  };

  // Pins: kept where pinned; a conflicting pin is reported, not dropped silently or moved.
  for (const pin of input.pins ?? []) {
    const m = meetingIndex.get(pin.meetingId);
    const s = slotIndex.get(pin.slotId);
    const t = tableIndex.get(pin.tableId);
    if (m === undefined || s === undefined || t === undefined) {
      error('UNKNOWN_PIN_TARGET', pin.meetingId);
      continue;
    }
    if (!valid[m]) continue;
    if (slotOf[m] !== -1) {
      error('PIN_DUPLICATE', pin.meetingId);
      continue;
    }
    const unavailable = parts[m].find((p) => !available[p * S + s]);
    const clash = parts[m].find((p) => busy[p * S + s] !== -1);
    if (tableAt[s * T + t] !== -1) {
      error('PIN_TABLE_TAKEN', pin.meetingId, { conflictsWith: input.meetings[tableAt[s * T + t]].id });
    } else if (clash !== undefined) {
      error('PIN_PARTICIPANT_BUSY', pin.meetingId, {
        conflictsWith: input.meetings[busy[clash * S + s]].id,
        participantId: input.participants[clash].id,
      });
    } else if (unavailable !== undefined) {
      error('PIN_PARTICIPANT_UNAVAILABLE', pin.meetingId, {
        participantId: input.participants[unavailable].id,
      });
    } else {
      place(m, s, t);
      fixed[m] = 2;
      pinFailed[m] = 0;
      continue;
    }
    pinFailed[m] = 1;
  }

  // The previous schedule: everything still valid stays exactly where it was.
  const previousAt = new Map<number, { s: number; t: number }>();
  for (const before of input.previous ?? []) {
    const m = meetingIndex.get(before.meetingId);
    const s = slotIndex.get(before.slotId);
    const t = tableIndex.get(before.tableId);
    if (m === undefined || s === undefined || t === undefined || !valid[m] || previousAt.has(m)) continue;
    previousAt.set(m, { s, t });
    if (slotOf[m] !== -1 || pinFailed[m] || tableAt[s * T + t] !== -1 || !fits(m, s)) continue;
    place(m, s, t);
    fixed[m] = 1;
  }

  const options = parts.map((_, m) => {
    let n = 0;
    for (let s = 0; s < S; s++) if (allAvailable(m, s)) n++;
    return n;
  });
  const placeable = (m: number) => valid[m] === 1 && !pinFailed[m] && options[m] > 0;

  // Greedy, fewest-so-far first: max-min fairness, then priority, then the most constrained.
  const pool: number[] = [];
  for (let m = 0; m < M; m++) if (placeable(m) && slotOf[m] === -1) pool.push(m);
  // Keys only grow while the greedy places meetings, so a stale heap entry is
  // re-keyed and pushed back when it surfaces instead of rescanning the pool.
  // Among equals, the meeting that lifts more of the least-served at once.
  const keyOf = (m: number) => {
    const min = minCount(parts[m]);
    return [min, -parts[m].filter((p) => count[p] === min).length, -priority[m], options[m], m];
  };
  const heap = new MinHeap<number[]>(
    (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || a[4] - b[4],
  );
  for (const m of pool) heap.push(keyOf(m));
  for (let top = heap.pop(); top; top = heap.pop()) {
    const now = keyOf(top[4]);
    if (now[0] !== top[0] || now[1] !== top[1]) heap.push(now);
    else placeSomewhere(top[4]);
  }

  const unplacedPlaceable = () => {
    const list: number[] = [];
    for (let m = 0; m < M; m++) if (placeable(m) && slotOf[m] === -1) list.push(m);
    return list;
  };
  const totalUsed = () => used.reduce((a, b) => a + b, 0);

  let repairEffort = 0;
  const rollback = (mark: number) => {
    while (journal.length > mark) {
      const [m, s, t] = journal[journal.length - 1];
      if (s === -1) remove(m);
      else place(m, s, t);
      journal.length -= 2;
    }
  };

  /**
   * Room for m in slot s by moving the meetings in its way (or one other meeting
   * of s) to other slots, those in turn making room the same way up to `depth`
   * levels deep; slots already in the chain are left alone. Rolled back if it fails.
   */
  const repairInto = (m: number, s: number, depth: number, chain: number[]): boolean => {
    if (++repairEffort > REPAIR_EFFORT) return false;
    const blockers = [...new Set(parts[m].map((p) => busy[p * S + s]).filter((x) => x !== -1))];
    if (blockers.length > 2 || blockers.some((b) => fixed[b])) return false;
    if (blockers.length === 0 && used[s] < T) {
      place(m, s, freeTable(s));
      return true;
    }
    const groups = blockers.length > 0 ? [blockers] : [...tableAt.subarray(s * T, s * T + T)].map((y) => [y]);
    const inChain = [...chain, s];
    for (const group of groups) {
      if (group.some((y) => y === -1 || fixed[y])) continue;
      const mark = journal.length;
      group.forEach(remove);
      const rehomed = group.every((y) => {
        if (placeSomewhere(y, s)) return true;
        if (depth === 0) return false;
        for (let s2 = 0; s2 < S; s2++)
          if (!inChain.includes(s2) && allAvailable(y, s2) && repairInto(y, s2, depth - 1, inChain))
            return true;
        return false;
      });
      if (rehomed && fits(m, s)) {
        place(m, s, freeTable(s));
        return true;
      }
      rollback(mark);
    }
    return false;
  };

  const repair = () => {
    for (let pass = 0; pass < 4 && totalUsed() < S * T; pass++) {
      let improved = false;
      for (const m of unplacedPlaceable()) {
        for (let s = 0; s < S && slotOf[m] === -1; s++)
          if (allAvailable(m, s) && repairInto(m, s, 1, [])) improved = true;
      }
      if (!improved) break;
    }
    journal.length = 0;
  };
  repair();

  /** Whether m's participants outside y would gain with those of y outside m still 2 ahead. */
  const improvesBySwap = (m: number, y: number) => {
    let gaining = Infinity;
    for (const p of parts[m]) if (!parts[y].includes(p) && count[p] < gaining) gaining = count[p];
    if (gaining === Infinity) return false;
    for (const p of parts[y]) if (!parts[m].includes(p) && count[p] < gaining + 2) return false;
    return true;
  };

  /** Per slot, the highest fewest-count among its movable meetings; recomputed when any count changed. */
  const loserCache = new Int32Array(S);
  const loserVersion = new Int32Array(S).fill(-1);
  const bestLoser = (s: number) => {
    if (loserVersion[s] !== version) {
      let best = -1;
      for (let t = 0; t < T; t++) {
        const y = tableAt[s * T + t];
        if (y !== -1 && !fixed[y]) best = Math.max(best, minCount(parts[y]));
      }
      loserCache[s] = best;
      loserVersion[s] = version;
    }
    return loserCache[s];
  };

  // Swaps for fairness: a meeting of someone short-served replaces one whose
  // participants all have at least two more; each swap raises the sorted vector
  // of per-participant counts lexicographically, so this ends.
  for (let pass = 0; pass < 8; pass++) {
    let swapped = false;
    const waiting = unplacedPlaceable().sort((a, b) => minCount(parts[a]) - minCount(parts[b]) || a - b);
    let most = 0;
    for (let p = 0; p < P; p++) if (count[p] > most) most = count[p];
    for (const m of waiting) {
      if (minCount(parts[m]) + 2 > most) continue;
      const need = minCount(parts[m]) + 2;
      for (let s = 0; s < S && slotOf[m] === -1; s++) {
        if (!allAvailable(m, s)) continue;
        if (used[s] >= T && bestLoser(s) < need && parts[m].every((p) => busy[p * S + s] === -1)) continue;
        const blockers = [...new Set(parts[m].map((p) => busy[p * S + s]).filter((x) => x !== -1))];
        if (blockers.length === 0 && used[s] < T) {
          place(m, s, freeTable(s));
          swapped = true;
          continue;
        }
        if (blockers.length > 1) continue;
        const candidates = blockers.length === 1 ? blockers : tableAt.subarray(s * T, s * T + T);
        for (const y of candidates) {
          if (y === -1 || fixed[y] || priority[y] > priority[m]) continue;
          if (!improvesBySwap(m, y)) continue;
          const t = tableOf[y];
          remove(y);
          place(m, s, t);
          placeSomewhere(y, s);
          swapped = true;
          break;
        }
      }
    }
    if (!swapped) break;
    repair();
  }

  // Why each meeting is not placed.
  const unplaced: Unplaced[] = [];
  for (let m = 0; m < M; m++) {
    if (slotOf[m] !== -1) continue;
    unplaced.push({ meetingId: input.meetings[m].id, ...reasonFor(m) });
  }
  function reasonFor(m: number): { reason: UnplacedReason; participantId?: string } {
    if (!valid[m]) return { reason: 'invalid-meeting' };
    if (pinFailed[m]) return { reason: 'pin-conflict' };
    const away = parts[m].find((p) => freeSlots[p] === 0);
    if (away !== undefined)
      return { reason: 'participant-unavailable', participantId: input.participants[away].id };
    if (options[m] === 0) return { reason: 'no-common-free-slot' };
    const common: number[] = [];
    for (let s = 0; s < S; s++) if (allAvailable(m, s)) common.push(s);
    const booked = parts[m].find((p) => common.every((s) => busy[p * S + s] !== -1));
    if (booked !== undefined)
      return { reason: 'participant-fully-booked', participantId: input.participants[booked].id };
    if (common.every((s) => used[s] >= T)) return { reason: 'tables-full' };
    return { reason: 'conflicts' };
  }

  const placements: Placement[] = [];
  for (let s = 0; s < S; s++)
    for (let t = 0; t < T; t++) {
      const m = tableAt[s * T + t];
      if (m !== -1)
        placements.push({
          meetingId: input.meetings[m].id,
          slotId: input.slots[s].id,
          tableId: input.tables[t].id,
        });
    }

  const asked = new Int32Array(P);
  for (let m = 0; m < M; m++) if (valid[m]) for (const p of parts[m]) asked[p]++;
  const missedBy = input.participants.map((): Unplaced[] => []);
  for (const u of unplaced) {
    const m = meetingIndex.get(u.meetingId);
    if (m !== undefined && valid[m]) for (const p of parts[m]) missedBy[p].push(u);
  }
  const participants: ParticipantStats[] = input.participants.map((p, i) => ({
    participantId: p.id,
    asked: asked[i],
    placed: count[i],
    missed: missedBy[i],
  }));
  const askers = participants.filter((p) => p.asked > 0);
  const placedSorted = askers.map((p) => p.placed).sort((a, b) => a - b);
  const n = placedSorted.length;

  let moved = 0;
  for (const [m, { s, t }] of previousAt) if (slotOf[m] !== s || tableOf[m] !== t) moved++;

  const bound = upperBound(
    S,
    T,
    available,
    P,
    parts.filter((_, m) => placeable(m) || slotOf[m] !== -1),
  );
  return {
    placements,
    unplaced,
    errors,
    participants,
    placedCount: placements.length,
    upperBound: bound,
    fairness: {
      min: n ? placedSorted[0] : 0,
      median: n ? (placedSorted[(n - 1) >> 1] + placedSorted[n >> 1]) / 2 : 0,
      max: n ? placedSorted[n - 1] : 0,
      short: askers.filter((p) => p.placed < p.asked),
    },
    moved,
  };
}
