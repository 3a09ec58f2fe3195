import { Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, HealthService } from '#libs/core';
import { DirectoryModule } from '#libs/directory';
import { AccountService } from './account/account.service.js';
import { PasswordChangeService } from './account/password-change.service.js';
import { User } from './account/user.entity.js';
import { ProfileResolver } from './account/profile.resolver.js';
import { UserResolver } from './account/user.resolver.js';
import { EmailChangeResolver } from './email-change/email-change.resolver.js';
import { EmailChangeService } from './email-change/email-change.service.js';
import { IdentityAccessPolicy } from './identity.access.js';
import { InvitationAcceptanceService } from './invitation/invitation-acceptance.service.js';
import { Invitation } from './invitation/invitation.entity.js';
import { InvitationResolver } from './invitation/invitation.resolver.js';
import { InvitationService } from './invitation/invitation.service.js';
import { AffiliationChangeService } from './lifecycle/affiliation-change.service.js';
import { DeactivationService } from './lifecycle/deactivation.service.js';
import { LifecycleResolver } from './lifecycle/lifecycle.resolver.js';
import { AccountClosureService } from './closure/account-closure.service.js';
import { ClosureResolver } from './closure/closure.resolver.js';
import { IdentityPersonalData } from './identity.personal-data.js';
import { PreferencesResolver } from './preferences/preferences.resolver.js';
import { PreferencesService } from './preferences/preferences.service.js';
import { AccountSecurityResolver } from './session/account-security.resolver.js';
import { MySessionsService } from './session/my-sessions.service.js';
import { RefreshToken } from './session/refresh-token.entity.js';
import { Session } from './session/session.entity.js';
import { SessionResolver } from './session/session.resolver.js';
import { SessionService } from './session/session.service.js';
import { SignInThrottleService } from './session/sign-in-throttle.service.js';
import { signingSecret } from './session/signing-secret.js';
import { TokenService } from './session/token.service.js';
import { AccountToken } from './verification/account-token.entity.js';
import { AccountTokenService } from './verification/account-token.service.js';
import { PasswordResetService } from './verification/password-reset.service.js';
import { SignUpService } from './verification/sign-up.service.js';

export const IDENTITY_ENTITIES = [User, Session, RefreshToken, AccountToken, Invitation];

/** Accounts and their affiliations, sign-up, sessions and tokens. */
@Module({
  imports: [
    DirectoryModule,
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: signingSecret(config),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    // accounts
    AccountService,
    UserResolver,
    ProfileResolver,
    IdentityAccessPolicy,
    PreferencesService,
    PreferencesResolver,
    // sessions
    { provide: SignInThrottleService, useFactory: () => new SignInThrottleService() },
    TokenService,
    SessionService,
    SessionResolver,
    MySessionsService,
    PasswordChangeService,
    AccountSecurityResolver,
    // sign-up and one-time e-mail links
    AccountTokenService,
    SignUpService,
    PasswordResetService,
    // invitations
    InvitationService,
    InvitationAcceptanceService,
    InvitationResolver,
    EmailChangeService,
    EmailChangeResolver,
    // leaving an organization, joining another, deactivation
    AffiliationChangeService,
    DeactivationService,
    LifecycleResolver,
    // the owner's data: export and closing the account
    IdentityPersonalData,
    AccountClosureService,
    ClosureResolver,
  ],
  exports: [SessionService, AccountService],
})
export class IdentityModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
    private readonly health: HealthService,
  ) {}

  /** An admin's access token unlocks /health's details. */
  onModuleInit() {
    this.health.authenticateWith((authorization) => this.sessions.authenticate(authorization));
  }

  async onApplicationBootstrap() {
    if (this.config.ADMIN_EMAIL && this.config.ADMIN_PASSWORD) {
      await this.accounts.ensureFirstAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
    }
  }
}
