import { findClash, overlaps, within, type Slot } from './slot-rules.js';

const at = (hhmm: string) => new Date(`2026-12-10T${hhmm}:00+09:00`);
const slot = (id: string, from: string, to: string, presenterIds: string[], room: string | null): Slot => ({
  id,
  startsAt: at(from),
  endsAt: at(to),
  presenterIds,
  room,
});

describe('slot rules', () => {
  it('spans overlap only when they share time; touching ends do not', () => {
    expect(
      overlaps(
        { startsAt: at('10:00'), endsAt: at('11:00') },
        { startsAt: at('10:30'), endsAt: at('11:30') },
      ),
    ).toBe(true);
    expect(
      overlaps(
        { startsAt: at('10:00'), endsAt: at('11:00') },
        { startsAt: at('11:00'), endsAt: at('12:00') },
      ),
    ).toBe(false);
    expect(
      overlaps(
        { startsAt: at('10:00'), endsAt: at('12:00') },
        { startsAt: at('10:30'), endsAt: at('11:00') },
      ),
    ).toBe(true);
  });

  it('within includes the outer span’s own ends', () => {
    const outer = { startsAt: at('10:00'), endsAt: at('12:00') };
    expect(within({ startsAt: at('10:00'), endsAt: at('12:00') }, outer)).toBe(true);
    expect(within({ startsAt: at('09:59'), endsAt: at('11:00') }, outer)).toBe(false);
    expect(within({ startsAt: at('11:00'), endsAt: at('12:01') }, outer)).toBe(false);
  });

  it('names the presenter shared with an overlapping slot', () => {
    const others = [slot('a', '10:00', '10:30', ['p1', 'p2'], 'Hall A')];
    expect(findClash(slot('new', '10:15', '10:45', ['p2'], 'Hall B'), others)).toEqual({
      field: 'presenterIds',
      personId: 'p2',
      with: 'a',
    });
  });

  it('names the room shared with an overlapping slot, ignoring case and width', () => {
    const others = [slot('a', '10:00', '10:30', ['p1'], 'Ｈａｌｌ A')];
    expect(findClash(slot('new', '10:15', '10:45', ['p9'], ' hall a '), others)).toEqual({
      field: 'room',
      room: ' hall a ',
      with: 'a',
    });
  });

  it('lets back-to-back slots, other rooms, rooms left open and the slot itself pass', () => {
    const others = [slot('a', '10:00', '10:30', ['p1'], 'Hall A'), slot('b', '10:00', '10:30', ['p2'], null)];
    expect(findClash(slot('new', '10:30', '11:00', ['p1'], 'Hall A'), others)).toBeNull();
    expect(findClash(slot('new', '10:00', '10:30', ['p3'], 'Hall B'), others)).toBeNull();
    expect(findClash(slot('new', '10:00', '10:30', ['p3'], null), others)).toBeNull();
    expect(findClash(slot('a', '10:00', '10:30', ['p1'], 'Hall A'), others)).toBeNull();
  });
});
