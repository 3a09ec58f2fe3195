import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '#libs/catalog';
import { SearchEngineModule } from '#libs/search';
import { CandidateService } from './candidate.service.js';
import { CandidateResolver } from './graphql/candidate.resolver.js';
import { CandidateGenerator, candidateGeneratorProvider } from './ranking/candidate-generator.js';
import { MatchProposal, ProposalTransition } from './pipeline/match-proposal.entity.js';
import { ProposalResolver } from './pipeline/proposal.resolver.js';
import { ProposalService } from './pipeline/proposal.service.js';
import { SavedSearch, SavedSearchMatch } from './saved-search/saved-search.entity.js';
import { SavedSearchResolver } from './saved-search/saved-search.resolver.js';
import { SavedSearchService } from './saved-search/saved-search.service.js';
import { EmailMessage, Notification } from './notifications/notification.entity.js';
import { NotificationResolver } from './notifications/notification.resolver.js';
import { NotificationService } from './notifications/notification.service.js';
import { NdaAcceptance } from './pipeline/nda.js';
import { NdaService } from './pipeline/nda.service.js';
import { PipelineReportResolver } from './pipeline/pipeline-report.resolver.js';
import { PipelineReportService } from './pipeline/pipeline-report.service.js';

/**
 * Matching: explained candidates for needs and the proposal pipeline to an
 * agreement. Its background work is in MatchingJobsModule and RematchingModule.
 */
@Module({
  imports: [
    CatalogModule,
    SearchEngineModule,
    TypeOrmModule.forFeature([
      MatchProposal,
      ProposalTransition,
      NdaAcceptance,
      Notification,
      EmailMessage,
      SavedSearch,
      SavedSearchMatch,
    ]),
  ],
  providers: [
    candidateGeneratorProvider,
    NotificationService,
    NotificationResolver,
    CandidateService,
    CandidateResolver,
    NdaService,
    ProposalService,
    ProposalResolver,
    PipelineReportService,
    PipelineReportResolver,
    SavedSearchService,
    SavedSearchResolver,
  ],
  exports: [CandidateService, CandidateGenerator, ProposalService, NotificationService, SavedSearchService],
})
export class MatchingModule {}

export const MATCHING_ENTITIES = [
  MatchProposal,
  ProposalTransition,
  NdaAcceptance,
  Notification,
  EmailMessage,
  SavedSearch,
  SavedSearchMatch,
];
