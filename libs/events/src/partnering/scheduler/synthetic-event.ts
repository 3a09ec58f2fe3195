import type { Placement, ScheduleInput, ScheduleMeeting } from './schedule.types.js';

export interface SyntheticEventOptions {
  participants: number;
  requests: number;
  slots: number;
  tables: number;
  seed: number;
  /** Share of participants who mark some slots unavailable, and how many of them. */
  busyShare?: number;
  /** Share of meetings with a third participant. */
  groupShare?: number;
  pins?: number;
}

/** mulberry32: a small seeded generator, so the same seed gives the same event. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random partnering event: popular participants are asked more often (a
 * skewed pick), some mark a block of slots unavailable (morning or afternoon
 * only, as people do), a few meetings have three participants, and some
 * meetings are pinned where they fit.
 */
export function syntheticEvent(options: SyntheticEventOptions): ScheduleInput {
  const random = seededRandom(options.seed);
  const int = (n: number) => Math.floor(random() * n);
  const slots = Array.from({ length: options.slots }, (_, i) => ({ id: `s${i}` }));
  const tables = Array.from({ length: options.tables }, (_, i) => ({ id: `t${i}` }));
  const participants = Array.from({ length: options.participants }, (_, i) => {
    const unavailableSlotIds: string[] = [];
    if (random() < (options.busyShare ?? 0.3) && options.slots > 0) {
      const length = 1 + int(Math.max(1, Math.floor(options.slots / 3)));
      const start = int(options.slots);
      for (let s = start; s < Math.min(options.slots, start + length); s++) unavailableSlotIds.push(`s${s}`);
    }
    return { id: `p${i}`, unavailableSlotIds };
  });
  const skewed = () => Math.floor(options.participants * random() ** 1.6);
  const meetings: ScheduleMeeting[] = [];
  for (let i = 0; i < options.requests && options.participants >= 2; i++) {
    const a = skewed();
    let b = int(options.participants);
    if (b === a) b = (a + 1) % options.participants;
    const ids = [`p${a}`, `p${b}`];
    if (options.participants >= 3 && random() < (options.groupShare ?? 0.05)) {
      const c = int(options.participants);
      if (c !== a && c !== b) ids.push(`p${c}`);
    }
    meetings.push({ id: `m${i}`, participantIds: ids, priority: random() < 0.1 ? 1 : 0 });
  }
  const pins: Placement[] = [];
  const taken = new Set<string>();
  const busy = new Set<string>();
  for (
    let k = 0;
    k < (options.pins ?? 0) && meetings.length > 0 && slots.length > 0 && tables.length > 0;
    k++
  ) {
    const meeting = meetings[int(meetings.length)];
    const slot = slots[int(slots.length)].id;
    const table = tables[int(tables.length)].id;
    const people = meeting.participantIds;
    const ok =
      !pins.some((p) => p.meetingId === meeting.id) &&
      !taken.has(`${slot}/${table}`) &&
      people.every(
        (p) =>
          !busy.has(`${p}/${slot}`) && !participants[Number(p.slice(1))].unavailableSlotIds.includes(slot),
      );
    if (!ok) continue;
    pins.push({ meetingId: meeting.id, slotId: slot, tableId: table });
    taken.add(`${slot}/${table}`);
    for (const p of people) busy.add(`${p}/${slot}`);
  }
  return { slots, tables, participants, meetings, pins };
}
