import { Module } from '@nestjs/common';
import { CatalogModule } from '#libs/catalog';
import { DirectoryModule } from '#libs/directory';
import { SearchEngineModule } from '#libs/search';
import { DailyDigestService } from './jobs/daily-digest.service.js';
import { OverdueNoticeService } from './jobs/overdue-notice.service.js';
import { RematchService } from './jobs/rematch.service.js';
import { MatchingModule } from './matching.module.js';

/**
 * Timed matching work: overdue notices and the daily digest. Every claim locks
 * its rows, so the api and the worker may both include it.
 */
@Module({
  imports: [MatchingModule],
  providers: [
    // proposals past their response target
    OverdueNoticeService,
    // the daily digest of notifications at DIGEST_HOUR, Asia/Tokyo
    DailyDigestService,
  ],
})
export class MatchingJobsModule {}

/**
 * Re-matching after each batch the search relay applied: belongs in the
 * process that includes SearchIndexingModule.
 */
@Module({
  imports: [MatchingModule, SearchEngineModule, CatalogModule, DirectoryModule],
  providers: [RematchService],
})
export class RematchingModule {}
