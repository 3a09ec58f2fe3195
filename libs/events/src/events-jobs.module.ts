import { Module } from '@nestjs/common';
import { MatchingModule } from '#libs/matching';
import { EventsModule } from './events.module.js';
import { EventReminderService } from './registration/event-reminder.service.js';

/** Timed events work: the reminder the day before. Its claim locks its rows, so the api and the worker may both include it. */
@Module({
  imports: [EventsModule, MatchingModule],
  providers: [EventReminderService],
})
export class EventsJobsModule {}
