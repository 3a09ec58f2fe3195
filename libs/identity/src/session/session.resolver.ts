import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, RateLimit, type RequestContext, type Viewer } from '#libs/core';
import { AccountService } from '../account/account.service.js';
import { SignUpInput } from '../account/dto/sign-up.input.js';
import { AuthPayload } from './auth-payload.model.js';
import { RefreshTokenArgs } from './dto/refresh-token.args.js';
import { SignInInput } from './dto/sign-in.input.js';
import { SignOutArgs } from './dto/sign-out.args.js';
import { SessionService } from './session.service.js';
import { viewerOf } from './viewer-of.js';

/** Signing up, in and out, and refreshing tokens. */
@Resolver()
export class SessionResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
  ) {}

  @Allow('anyone')
  @RateLimit('sign-up')
  @Mutation(() => AuthPayload, {
    description:
      'Creates an account and signs it in; its affiliation stays pending until a coordinator approves it.',
  })
  async signUp(@Args('input') input: SignUpInput, @Context() context: RequestContext) {
    return actAs(context, await this.accounts.signUp(input));
  }

  @Allow('anyone')
  @RateLimit('sign-in')
  @Mutation(() => AuthPayload)
  async signIn(@Args('input') input: SignInInput, @Context() context: RequestContext) {
    return actAs(context, await this.sessions.signIn(input.email, input.password));
  }

  @Allow('anyone')
  @Mutation(() => AuthPayload, {
    description: 'Trades a refresh token for new tokens; the old refresh token stops working.',
  })
  async refreshToken(@Args() args: RefreshTokenArgs, @Context() context: RequestContext) {
    return actAs(context, await this.sessions.refresh(args.refreshToken));
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
