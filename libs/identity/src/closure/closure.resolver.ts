import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, RateLimit, type SignedInViewer } from '#libs/core';
import { AccountClosureService } from './account-closure.service.js';
import { AccountClosure, MyDataExport } from './closure.model.js';
import { CloseMyAccountArgs } from './dto/close-my-account.args.js';

/** The viewer's own data: taking it out, and closing the account. */
@Resolver()
export class ClosureResolver {
  constructor(private readonly closure: AccountClosureService) {}

  @Allow('signed-in')
  @RateLimit('import')
  @Query(() => MyDataExport, {
    description:
      'Everything Kyoso keeps about you as JSON: your account, sessions, profile, the seeds and needs ' +
      'you wrote or are listed on, notifications, saved searches, proposal steps and what you changed.',
  })
  exportMyData(@CurrentViewer() viewer: SignedInViewer) {
    return this.closure.exportMyData(viewer);
  }

  @Allow('signed-in')
  @RateLimit('account-email')
  @Mutation(() => AccountClosure, {
    description:
      'Closes your account for good: your personal data is removed or anonymised, every session ends, ' +
      'and a last e-mail confirms it. Seeds, needs and proposal histories stay with their organizations.',
  })
  closeMyAccount(@Args() args: CloseMyAccountArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.closure.close(viewer, args.currentPassword);
  }
}
