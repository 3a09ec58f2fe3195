export { CandidateGenerator, type NeedLoader, type SeedLoader } from './ranking/candidate-generator.js';
export {
  scoreCandidate,
  pathwayOf,
  type MatchReason,
  type Pathway,
  type ScoredCandidate,
  type ScoredNeed,
  type TextEvidence,
} from './ranking/candidate-scorer.js';
export { MATCHING_WEIGHTS, type MatchFactor, type MatchingWeights } from './ranking/matching-weights.js';
export { candidateQueries, keyTerms, type NeedProfile } from './ranking/need-profile.js';
export { MatchingModule, MATCHING_ENTITIES } from './matching.module.js';
export { MatchingJobsModule, RematchingModule } from './matching-jobs.module.js';
export { MatchingAccessPolicy, type MatchingPermission } from './matching.access.js';
export { MatchProposal } from './proposal/match-proposal.entity.js';
export { ProposalTransition } from './proposal/proposal-transition.entity.js';
export {
  checkTransition,
  DeclineReason,
  nextStates,
  ProposalState,
  type ProposalParty,
} from './proposal/proposal-state-machine.js';
export { CandidateService } from './candidate/candidate.service.js';
export { MatchingError, MatchingErrorCode } from './matching.errors.js';
export { OverdueNoticeService } from './jobs/overdue-notice.service.js';
export { DailyDigestService } from './jobs/daily-digest.service.js';
export { PipelineReportService } from './report/pipeline-report.service.js';
export { MatchPathway } from './candidate/candidate.model.js';
export { NotificationService, type NotificationDraft } from './notification/notification.service.js';
