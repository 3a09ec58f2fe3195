import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '#libs/catalog';
import { DirectoryModule } from '#libs/directory';
import { IdentityModule } from '#libs/identity';
import { SearchEngineModule } from '#libs/search';
import { CandidateResolver } from './candidate/candidate.resolver.js';
import { CandidateService } from './candidate/candidate.service.js';
import { MatchingAccessPolicy } from './matching.access.js';
import { MatchingPersonalData } from './matching.personal-data.js';
import { NdaAcceptance } from './nda/nda-acceptance.entity.js';
import { NdaResolver } from './nda/nda.resolver.js';
import { NdaService } from './nda/nda.service.js';
import { Notification } from './notification/notification.entity.js';
import { NotificationResolver } from './notification/notification.resolver.js';
import { NotificationService } from './notification/notification.service.js';
import { MatchProposal } from './proposal/match-proposal.entity.js';
import { ProposalQueryService } from './proposal/proposal-query.service.js';
import { ProposalTransition } from './proposal/proposal-transition.entity.js';
import { ProposalResolver } from './proposal/proposal.resolver.js';
import { ProposalService } from './proposal/proposal.service.js';
import { CandidateGenerator, candidateGeneratorProvider } from './ranking/candidate-generator.js';
import { PipelineReportResolver } from './report/pipeline-report.resolver.js';
import { PipelineReportService } from './report/pipeline-report.service.js';
import { SavedSearchMatch } from './saved-search/saved-search-match.entity.js';
import { SavedSearch } from './saved-search/saved-search.entity.js';
import { SavedSearchResolver } from './saved-search/saved-search.resolver.js';
import { SavedSearchService } from './saved-search/saved-search.service.js';

export const MATCHING_ENTITIES = [
  MatchProposal,
  ProposalTransition,
  NdaAcceptance,
  Notification,
  SavedSearch,
  SavedSearchMatch,
];

/**
 * Matching: explained candidates for needs and the proposal pipeline to an
 * agreement. Its background work is in MatchingJobsModule and RematchingModule.
 */
@Module({
  imports: [
    DirectoryModule,
    IdentityModule,
    CatalogModule,
    SearchEngineModule,
    TypeOrmModule.forFeature(MATCHING_ENTITIES),
  ],
  providers: [
    MatchingAccessPolicy,
    MatchingPersonalData,
    // candidates
    candidateGeneratorProvider,
    CandidateService,
    CandidateResolver,
    // proposals
    ProposalService,
    ProposalQueryService,
    ProposalResolver,
    NdaService,
    NdaResolver,
    PipelineReportService,
    PipelineReportResolver,
    // notifications and saved searches
    NotificationService,
    NotificationResolver,
    SavedSearchService,
    SavedSearchResolver,
  ],
  exports: [
    CandidateService,
    CandidateGenerator,
    ProposalService,
    NotificationService,
    SavedSearchService,
    PipelineReportService,
  ],
})
export class MatchingModule {}
