import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, RateLimit, type RequestContext, type Viewer } from '#libs/core';
import { SignUpInput } from '../account/dto/sign-up.input.js';
import { ResendVerificationEmailArgs, VerifyEmailArgs } from '../verification/dto/verify-email.args.js';
import { SignUpReceipt } from '../verification/sign-up-receipt.model.js';
import { SignUpService } from '../verification/sign-up.service.js';
import { AuthPayload } from './auth-payload.model.js';
import { RefreshTokenArgs } from './dto/refresh-token.args.js';
import { SignInInput } from './dto/sign-in.input.js';
import { SignOutArgs } from './dto/sign-out.args.js';
import { SessionService } from './session.service.js';
import { userAgentOf } from './user-agent.js';
import { viewerOf } from './viewer-of.js';

/** Signing up, in and out, and refreshing tokens. */
@Resolver()
export class SessionResolver {
  constructor(
    private readonly signUps: SignUpService,
    private readonly sessions: SessionService,
  ) {}

  @Allow('anyone')
  @RateLimit('sign-up')
  @Mutation(() => SignUpReceipt, {
    description:
      'Asks for an account: the e-mail sent to the address holds the link that creates it (verifyEmail). ' +
      'The answer is the same whether or not the address already has an account.',
  })
  signUp(@Args('input') input: SignUpInput) {
    return this.signUps.signUp(input);
  }

  @Allow('anyone')
  @RateLimit('sign-in')
  @Mutation(() => AuthPayload, {
    description:
      'Opens the sign-up link: confirms the address and signs the account in; ' +
      'its affiliation stays pending until a coordinator approves it.',
  })
  async verifyEmail(@Args() args: VerifyEmailArgs, @Context() context: RequestContext) {
    return actAs(context, await this.signUps.verifyEmail(args.token, userAgentOf(context)));
  }

  @Allow('anyone')
  @RateLimit('account-email')
  @Mutation(() => SignUpReceipt, {
    description:
      'Sends a new sign-up link to an account that has not confirmed its address yet (the older link stops ' +
      'working). The answer is the same whether or not the address has such an account.',
  })
  resendVerificationEmail(@Args() args: ResendVerificationEmailArgs) {
    return this.signUps.resendVerificationEmail(args.email);
  }

  @Allow('anyone')
  @RateLimit('sign-in')
  @Mutation(() => AuthPayload)
  async signIn(@Args('input') input: SignInInput, @Context() context: RequestContext) {
    return actAs(context, await this.sessions.signIn(input.email, input.password, userAgentOf(context)));
  }

  @Allow('anyone')
  @Mutation(() => AuthPayload, {
    description: 'Trades a refresh token for new tokens; the old refresh token stops working.',
  })
  async refreshToken(@Args() args: RefreshTokenArgs, @Context() context: RequestContext) {
    return actAs(context, await this.sessions.refresh(args.refreshToken, userAgentOf(context)));
  }

  @Allow('anyone')
  @Mutation(() => Boolean, {
    description: 'Ends a session: the refresh token’s, or else the access token’s.',
  })
  signOut(@Args() args: SignOutArgs, @CurrentViewer() viewer: Viewer) {
    return this.sessions.signOut(args.refreshToken, viewer);
  }
}

/** The rest of this response (user.email, …) is rendered for the account that just signed in. */
function actAs(context: RequestContext, payload: AuthPayload): AuthPayload {
  context.viewer = viewerOf(payload.user, payload.sessionId);
  return payload;
}
