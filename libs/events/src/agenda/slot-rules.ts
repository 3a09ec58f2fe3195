/** A time span [startsAt, endsAt): touching ends do not overlap. */
export interface Span {
  startsAt: Date;
  endsAt: Date;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

export function within(inner: Span, outer: Span): boolean {
  return (
    inner.startsAt.getTime() >= outer.startsAt.getTime() && inner.endsAt.getTime() <= outer.endsAt.getTime()
  );
}

export interface Slot extends Span {
  id: string;
  room: string | null;
  presenterIds: string[];
}

export type Clash =
  { field: 'presenterIds'; personId: string; with: string } | { field: 'room'; room: string; with: string };

/** The first clash of a slot with the other slots of the same event: a shared presenter, then a shared room. */
export function findClash(slot: Slot, others: Slot[]): Clash | null {
  const overlapping = others.filter((other) => other.id !== slot.id && overlaps(slot, other));
  for (const other of overlapping) {
    const personId = slot.presenterIds.find((id) => other.presenterIds.includes(id));
    if (personId) return { field: 'presenterIds', personId, with: other.id };
  }
  const room = normalRoom(slot.room);
  if (room) {
    const other = overlapping.find((candidate) => normalRoom(candidate.room) === room);
    if (other) return { field: 'room', room: slot.room ?? '', with: other.id };
  }
  return null;
}

const normalRoom = (room: string | null) => room?.normalize('NFKC').trim().toLowerCase() || null;
