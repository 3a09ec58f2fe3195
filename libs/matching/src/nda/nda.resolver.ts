import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { MatchProposal } from '../proposal/match-proposal.entity.js';
import { AcceptNdaInput } from './dto/accept-nda.input.js';
import { NdaText } from './nda.model.js';
import { NdaService } from './nda.service.js';

@Resolver()
export class NdaResolver {
  constructor(private readonly nda: NdaService) {}

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Query(() => NdaText, {
    description: 'The NDA both sides accept (acceptNda) before a proposal moves to NDA.',
  })
  ndaText(): NdaText {
    return this.nda.text();
  }

  @Allow('company-member', 'researcher')
  @Mutation(() => MatchProposal, {
    description:
      'Accept the NDA text yourself, for your side of a proposal, from the meeting stage on; coordinators move it to NDA once someone of each side has. Under the NDA, only the people who accepted its current text read what it unlocks.',
  })
  acceptNda(@Args('input') input: AcceptNdaInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.nda.accept(input, viewer);
  }
}
