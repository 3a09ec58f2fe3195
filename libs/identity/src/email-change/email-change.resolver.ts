import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, RateLimit, type SignedInViewer } from '#libs/core';
import { ConfirmEmailChangeArgs } from './dto/confirm-email-change.args.js';
import { RequestEmailChangeInput } from './dto/request-email-change.input.js';
import { EmailChangeService } from './email-change.service.js';
import { EmailReceipt } from './email-receipt.model.js';

/** Moving an account to another e-mail address, proven by a link sent to it. */
@Resolver()
export class EmailChangeResolver {
  constructor(private readonly changes: EmailChangeService) {}

  @Allow('signed-in')
  @RateLimit('account-email')
  @Mutation(() => EmailReceipt, {
    description:
      'Asks to move your account to another address (needs your current password): the new address gets ' +
      'a link (good once, for 24 hours) that completes the change, and your current address is told. ' +
      'The answer is the same whether or not the new address already has an account.',
  })
  requestEmailChange(@Args('input') input: RequestEmailChangeInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.changes.request(viewer, input);
  }

  @Allow('anyone')
  @RateLimit('sign-in')
  @Mutation(() => EmailReceipt, {
    description:
      'Opens the link sent to the new address: the account moves to it (sign in with it from now on) and ' +
      'the former address is told. Sessions stay signed in.',
  })
  confirmEmailChange(@Args() args: ConfirmEmailChangeArgs) {
    return this.changes.confirm(args.token);
  }
}
