import { BilingualText } from '#libs/core';
import { eventCalendar } from './event-calendar.js';
import { EventKind } from './event-kind.js';
import { EventStatus } from './event-status.js';
import { Event } from './event.entity.js';

const text = (ja: string | null, en: string | null) => Object.assign(new BilingualText(), { ja, en });

function event(startsAt: string, endsAt: string): Event {
  return Object.assign(new Event(), {
    id: '6f1f7d3e-2c4b-4f3a-9a52-0d6c1e2b3a4f',
    version: 2,
    createdAt: new Date('2026-11-01T00:00:00Z'),
    updatedAt: new Date('2026-11-02T00:00:00Z'),
    createdByUserId: null,
    kind: EventKind.SUMMIT,
    title: text('高校生バイオサミット', 'High-school Bio Summit'),
    description: text(null, 'Posters; talks, and prizes'),
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    timeZone: 'Asia/Tokyo',
    venueName: text('鶴岡市先端研究産業支援センター', null),
    venueAddress: '山形県鶴岡市',
    capacity: null,
    organizerIds: [],
    programIds: [],
    status: EventStatus.PUBLISHED,
  });
}

const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('eventCalendar', () => {
  it('writes the event in UTC with a stable UID, a bilingual summary and the local time zone', () => {
    const ics = unfolded(eventCalendar(event('2026-08-20T09:30:00+09:00', '2026-08-21T16:00:00+09:00')));
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20260820T003000Z');
    expect(ics).toContain('DTEND:20260821T070000Z');
    expect(ics).toContain('UID:event-6f1f7d3e-2c4b-4f3a-9a52-0d6c1e2b3a4f@kyoso');
    expect(ics).toContain('SUMMARY:高校生バイオサミット / High-school Bio Summit');
    expect(ics).toContain('2026-08-20 09:30 – 2026-08-21 16:00 (Asia/Tokyo)');
    // iCalendar's separators in text are escaped by the library
    expect(ics).toContain('Posters\\; talks\\, and prizes');
  });

  it('writes events before 1970 too', () => {
    expect(eventCalendar(event('1965-04-01T01:00:00Z', '1965-04-01T02:00:00Z'))).toContain(
      'DTSTART:19650401T010000Z',
    );
  });
});
