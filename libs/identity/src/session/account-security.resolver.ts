import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, RateLimit, type SignedInViewer } from '#libs/core';
import { ChangePasswordArgs } from '../account/dto/change-password.args.js';
import { PasswordChangeService } from '../account/password-change.service.js';
import { RequestPasswordResetArgs, ResetPasswordArgs } from '../verification/dto/password-reset.args.js';
import { PasswordReceipt } from '../verification/password-receipt.model.js';
import { PasswordResetService } from '../verification/password-reset.service.js';
import { AccountSession } from './account-session.model.js';
import { RevokeSessionArgs } from './dto/revoke-session.args.js';
import { MySessionsService } from './my-sessions.service.js';

/** Forgotten and changed passwords, and the viewer's own sessions. */
@Resolver()
export class AccountSecurityResolver {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly changes: PasswordChangeService,
    private readonly sessions: MySessionsService,
  ) {}

  @Allow('anyone')
  @RateLimit('account-email')
  @Mutation(() => PasswordReceipt, {
    description:
      'Asks for a password reset link by e-mail (good once, for an hour). ' +
      'The answer is the same whether or not the address has an account.',
  })
  requestPasswordReset(@Args() args: RequestPasswordResetArgs) {
    return this.resets.request(args.email);
  }

  @Allow('anyone')
  @RateLimit('sign-in')
  @Mutation(() => PasswordReceipt, {
    description:
      'Opens the reset link: sets the new password, confirms the address and signs the account out ' +
      'everywhere. It does not sign in: sign in with the new password.',
  })
  resetPassword(@Args() args: ResetPasswordArgs) {
    return this.resets.reset(args.token, args.newPassword);
  }

  @Allow('signed-in')
  @RateLimit('sign-in')
  @Mutation(() => PasswordReceipt, {
    description: 'Changes your password: every other session ends, this one stays; you are told by e-mail.',
  })
  changePassword(@Args() args: ChangePasswordArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.changes.change(viewer, args.currentPassword, args.newPassword);
  }

  @Allow('signed-in')
  @Query(() => [AccountSession], {
    description: 'Your live sessions, most recently used first (at most 100).',
  })
  mySessions(@CurrentViewer() viewer: SignedInViewer) {
    return this.sessions.list(viewer);
  }

  @Allow('signed-in')
  @Mutation(() => Boolean, { description: 'Ends one of your sessions (mySessions), possibly this one.' })
  revokeSession(@Args() args: RevokeSessionArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.sessions.revoke(viewer, args.id);
  }

  @Allow('signed-in')
  @Mutation(() => Boolean, { description: 'Ends every one of your sessions, this one included.' })
  signOutEverywhere(@CurrentViewer() viewer: SignedInViewer) {
    return this.sessions.signOutEverywhere(viewer);
  }
}
