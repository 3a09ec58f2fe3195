import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, RateLimit, type SignedInViewer } from '#libs/core';
import { NeedCandidate, SeedCandidate } from './candidate.model.js';
import { CandidateService } from './candidate.service.js';
import { CandidatesForCompanyArgs } from './dto/candidates-for-company.args.js';
import { CandidatesForNeedArgs } from './dto/candidates-for-need.args.js';
import { CandidatesForSeedArgs } from './dto/candidates-for-seed.args.js';

@Resolver()
export class CandidateResolver {
  constructor(private readonly candidates: CandidateService) {}

  @Allow('company-member', 'coordinator', 'admin')
  @RateLimit('candidates')
  @Query(() => [SeedCandidate], {
    description: 'Research seeds worth proposing for a need, best first, each with its pathway and reasons.',
  })
  candidatesForNeed(@Args() args: CandidatesForNeedArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.candidates.forNeed(args.needId, args.first, viewer);
  }

  @Allow('company-member', 'coordinator', 'admin')
  @RateLimit('candidates')
  @Query(() => [SeedCandidate], {
    description:
      'Seeds for a company that has posted no need yet: from its description, the seeds it asked about and its place.',
  })
  candidatesForCompany(@Args() args: CandidatesForCompanyArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.candidates.forCompany(args.organizationId, args.first, viewer);
  }

  @Allow('researcher', 'coordinator', 'admin')
  @RateLimit('candidates')
  @Query(() => [NeedCandidate], {
    description:
      'Open needs a seed could answer, best first: for its listed researchers and coordinators. Confidential needs show to researchers as an anonymous summary.',
  })
  candidatesForSeed(@Args() args: CandidatesForSeedArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.candidates.forSeed(args.seedId, args.first, viewer);
  }
}
