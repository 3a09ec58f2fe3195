import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/core';
import { DirectoryModule } from '#libs/directory';
import { AccountService } from './account.service.js';
import { AuthResolver } from './auth.resolver.js';
import { RefreshToken, Session } from './session.entity.js';
import { SessionService } from './session.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';
import { UserResolver } from './user.resolver.js';

/** Outside production a secret is made once and kept in DATA_DIR, so tokens survive restarts. */
function signingSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

@Module({
  imports: [
    DirectoryModule,
    TypeOrmModule.forFeature([User, Session, RefreshToken]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: signingSecret(config),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    { provide: SignInThrottle, useFactory: () => new SignInThrottle() },
    TokenService,
    SessionService,
    AccountService,
    AuthResolver,
    UserResolver,
  ],
  exports: [SessionService, AccountService],
})
export class IdentityModule implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly accounts: AccountService,
  ) {}

  async onApplicationBootstrap() {
    if (this.config.ADMIN_EMAIL && this.config.ADMIN_PASSWORD) {
      await this.accounts.ensureFirstAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
    }
  }
}

export const IDENTITY_ENTITIES = [User, Session, RefreshToken];
