import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '#libs/catalog';
import { CandidateService } from './candidate.service.js';
import { CandidateResolver } from './graphql/candidate.resolver.js';
import { candidateGeneratorProvider } from './ranking/candidate-generator.js';
import { MatchProposal, ProposalTransition } from './pipeline/match-proposal.entity.js';
import { ProposalResolver } from './pipeline/proposal.resolver.js';
import { ProposalService } from './pipeline/proposal.service.js';
import { OverdueNotifier } from './pipeline/overdue-notifier.js';
import { Rematcher } from './pipeline/rematcher.js';
import { SavedSearch, SavedSearchMatch } from './saved-search/saved-search.entity.js';
import { SavedSearchResolver } from './saved-search/saved-search.resolver.js';
import { SavedSearchService } from './saved-search/saved-search.service.js';
import { EmailSender } from './notifications/email-sender.js';
import { EmailMessage, Notification } from './notifications/notification.entity.js';
import { NotificationResolver } from './notifications/notification.resolver.js';
import { NotificationService } from './notifications/notification.service.js';
import { NdaAcceptance } from './pipeline/nda.js';
import { NdaService } from './pipeline/nda.service.js';
import { PipelineReportResolver } from './pipeline/pipeline-report.resolver.js';
import { PipelineReportService } from './pipeline/pipeline-report.service.js';

/** Matching: explained candidates for needs and the proposal pipeline to an agreement. Needs the search engine (SearchModule, global). */
@Module({
  imports: [
    CatalogModule,
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
    EmailSender,
    CandidateService,
    CandidateResolver,
    NdaService,
    ProposalService,
    ProposalResolver,
    PipelineReportService,
    PipelineReportResolver,
    Rematcher,
    OverdueNotifier,
    SavedSearchService,
    SavedSearchResolver,
  ],
  exports: [CandidateService, ProposalService, NotificationService],
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
