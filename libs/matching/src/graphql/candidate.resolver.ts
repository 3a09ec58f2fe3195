import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { CandidateService } from '../candidate.service.js';
import { CandidatesForNeedArgs, SeedCandidate } from './candidate.model.js';

@Resolver()
export class CandidateResolver {
  constructor(private readonly candidates: CandidateService) {}

  @Allow('company-member', 'coordinator', 'admin')
  @Query(() => [SeedCandidate], { description: 'Research seeds worth proposing for a need, best first, each with its pathway and reasons.' })
  candidatesForNeed(@Args() args: CandidatesForNeedArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.candidates.forNeed(args.needId, args.first, viewer);
  }
}
