import type { ScheduleInput, ScheduleResult } from './schedule.types.js';

/**
 * An independent check of a schedule against the rules, written without the
 * scheduler's state: returns one line per broken rule (empty when all hold).
 */
export function scheduleViolations(input: ScheduleInput, result: ScheduleResult): string[] {
  const out: string[] = [];
  const slots = new Set(input.slots.map((s) => s.id));
  const tables = new Set(input.tables.map((t) => t.id));
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const unavailable = new Map(input.participants.map((p) => [p.id, new Set(p.unavailableSlotIds ?? [])]));
  const seenMeeting = new Set<string>();
  const seenTable = new Set<string>();
  const seenPerson = new Set<string>();
  for (const { meetingId, slotId, tableId } of result.placements) {
    const meeting = meetings.get(meetingId);
    if (!meeting) out.push(`${meetingId} is not an accepted meeting`);
    if (!slots.has(slotId) || !tables.has(tableId)) out.push(`${meetingId} at unknown ${slotId}/${tableId}`);
    if (seenMeeting.has(meetingId)) out.push(`${meetingId} placed twice`);
    seenMeeting.add(meetingId);
    const cell = `${slotId}\u0000${tableId}`;
    if (seenTable.has(cell)) out.push(`table ${tableId} used twice in ${slotId}`);
    seenTable.add(cell);
    for (const p of new Set(meeting?.participantIds ?? [])) {
      const key = `${p}\u0000${slotId}`;
      if (seenPerson.has(key)) out.push(`${p} in two meetings in ${slotId}`);
      seenPerson.add(key);
      const away = unavailable.get(p);
      if (!away) out.push(`${meetingId} names unknown participant ${p}`);
      else if (away.has(slotId)) out.push(`${p} placed in unavailable ${slotId}`);
    }
  }
  if (result.errors.length === 0) {
    const at = new Map(result.placements.map((x) => [x.meetingId, x]));
    for (const pin of input.pins ?? []) {
      const x = at.get(pin.meetingId);
      if (!x || x.slotId !== pin.slotId || x.tableId !== pin.tableId)
        out.push(`pin of ${pin.meetingId} not kept`);
    }
  }
  if (result.placedCount !== result.placements.length) out.push('placedCount differs from placements');
  if (result.placedCount > result.upperBound)
    out.push(`placed ${result.placedCount} > bound ${result.upperBound}`);
  return out;
}
