import { Connection } from '#libs/core';
import { Event } from './event.entity.js';

/** A page of events, soonest first (edges, pageInfo, totalCount). */
export const EventConnection = Connection(Event, 'Event');
