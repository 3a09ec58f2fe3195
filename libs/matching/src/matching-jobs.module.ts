import { Module } from '@nestjs/common';
import { SearchEngineModule } from '#libs/search';
import { MatchingModule } from './matching.module.js';
import { EmailSender } from './notifications/email-sender.js';
import { OverdueNotifier } from './pipeline/overdue-notifier.js';
import { Rematcher } from './pipeline/rematcher.js';

/**
 * Timed matching work: overdue notices and e-mail sending. Every claim locks
 * its rows, so the api and the worker may both include it.
 */
@Module({
  imports: [MatchingModule],
  providers: [OverdueNotifier, EmailSender],
})
export class MatchingJobsModule {}

/**
 * Re-matching after each batch the search relay applied: belongs in the
 * process that includes SearchIndexingModule.
 */
@Module({
  imports: [MatchingModule, SearchEngineModule],
  providers: [Rematcher],
})
export class RematchingModule {}
