import { existsSync } from 'node:fs';
import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** A whole number from the environment, at least `min` (and at most `max`). */
const WholeNumber = (min: number, max?: number) =>
  applyDecorators(Transform(toInt), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]));

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
/** The shortest password an account may have (ADMIN_PASSWORD included); libs/identity adds a strength check. */
export const PASSWORD_MIN_LENGTH = 12;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The one place that reads process.env. Every variable, its default and its
 * rule live here; README's configuration table mirrors this class.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @WholeNumber(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** External PostgreSQL. Unset: an embedded PostgreSQL is started in DATA_DIR/postgres. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @WholeNumber(1, 200)
  DATABASE_POOL_SIZE = 10;

  /** Where local state lives: the embedded database, development secrets. */
  @IsString()
  DATA_DIR = '.data';

  /** Port of the embedded PostgreSQL; 0 picks a free one at each start. */
  @WholeNumber(0, 65535)
  EMBEDDED_POSTGRES_PORT = 0;

  /** Signs access tokens. Required (32+ characters) in production; generated and kept in DATA_DIR otherwise. */
  @Transform(emptyToUndefined)
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.JWT_SECRET !== undefined)
  @IsString({ message: 'JWT_SECRET is required in production' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @WholeNumber(30, 86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @WholeNumber(300, 31536000)
  REFRESH_TOKEN_TTL_SECONDS = 2592000;

  /** With ADMIN_PASSWORD: the first admin, created at boot when no admin exists yet. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((config: AppConfig) => config.ADMIN_EMAIL !== undefined)
  @IsString({ message: 'ADMIN_PASSWORD is required when ADMIN_EMAIL is set' })
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters`,
  })
  ADMIN_PASSWORD?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** The GraphiQL sandbox page at /graphql. Default: on outside production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_SANDBOX?: boolean;

  /**
   * Schema introspection, and the "Did you mean …?" hints of validation errors (which reveal the schema
   * as much). Default: on outside production.
   */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /**
   * /health answers everyone with up or down only; its details (checks, index sizes, versions, outbox
   * lag) go to admins' access tokens, or to everyone when this is on. Default: on outside production.
   */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  HEALTH_DETAILS?: boolean;

  /** A published seed is flagged for review this many months after publishing (or renewal). */
  @WholeNumber(1, 120)
  SEED_REVIEW_MONTHS = 12;

  /** Largest JSON request body, in KB, for everyone but coordinators and admins (their imports get IMPORT_MAX_MB). */
  @WholeNumber(16, 102400)
  REQUEST_BODY_LIMIT_KB = 300;

  /** Largest catalogue import, in MB: a coordinator's or admin's JSON body and an uploaded file. */
  @WholeNumber(1, 1024)
  IMPORT_MAX_MB = 30;

  /** Most lexical tokens in a GraphQL document; the parser stops there. */
  @WholeNumber(100, 1000000)
  GRAPHQL_MAX_TOKENS = 5000;

  /** Most aliased fields in one GraphQL document. */
  @WholeNumber(1, 10000)
  GRAPHQL_MAX_ALIASES = 30;

  /** Deepest selection in one GraphQL operation (the standard introspection query is 13 deep). */
  @WholeNumber(2, 100)
  GRAPHQL_MAX_DEPTH = 15;

  /** Highest estimated cost of one GraphQL operation (lists multiply, search and candidates cost most). */
  @WholeNumber(10, 10000000)
  GRAPHQL_MAX_COST = 5000;

  /** Load data/demo/catalog.ndjson into an empty database at start. Default: on in development. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  DEMO_CATALOG?: boolean;

  /** The hour (0–23, Asia/Tokyo) the daily notification digest e-mails go out. */
  @WholeNumber(0, 23)
  DIGEST_HOUR = 8;

  /** How long SIGTERM waits for in-flight requests before closing anyway. */
  @WholeNumber(0, 120000)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** Meilisearch for search. Unset: the embedded engine (SQLite FTS5) in DATA_DIR/search. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'MEILISEARCH_URL must be an http:// or https:// URL' })
  MEILISEARCH_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEILISEARCH_API_KEY?: string;

  /** Prefix of the Meilisearch index names, so environments can share a server. */
  @Matches(/^[a-zA-Z0-9_-]*$/, { message: 'SEARCH_INDEX_PREFIX may hold letters, digits, _ and - only' })
  SEARCH_INDEX_PREFIX = 'kyoso_';

  /**
   * Which process applies the search outbox: the api itself, or the worker.
   * Default: api with the embedded engine (its index lives in the api's process), worker with Meilisearch.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['api', 'worker'])
  SEARCH_RELAY?: 'api' | 'worker';

  /** How often the relay looks for new changes when idle. */
  @WholeNumber(10, 60000)
  SEARCH_RELAY_INTERVAL_MS = 250;

  /** File proposals on its own when a seed is published or a need opened or edited (libs/matching RematchService). */
  @Transform(toBool)
  @IsBoolean()
  AUTO_PROPOSALS = true;

  /** SMTP server for e-mail notifications (smtp:// or smtps://, credentials in the URL). Unset: e-mails stay queued, unsent. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  SMTP_FROM = 'Kyoso <no-reply@kyoso.local>';

  /** The web app's address, for the links e-mails carry (confirming an address, …). */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL = 'http://localhost:5173';

  /**
   * express's `trust proxy`, so the rate limits key on the client's address behind a proxy:
   * a hop count (`1`), `true`, or addresses/subnets (`loopback, 10.0.0.0/8`). Unset: the socket's address.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  get trustProxy(): boolean | number | string | undefined {
    const value = this.TRUST_PROXY?.trim();
    if (value === undefined || value === 'false') return undefined;
    if (value === 'true') return true;
    return /^\d+$/.test(value) ? Number(value) : value;
  }

  /** The window of every per-client (IP) rate limit below. */
  @WholeNumber(1, 86400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** searchSeeds / searchNeeds calls (each alias counts) per client and window. */
  @WholeNumber(1)
  RATE_LIMIT_SEARCH = 600;

  /** candidatesForNeed / candidatesForSeed / candidatesForCompany calls per client and window. */
  @WholeNumber(1)
  RATE_LIMIT_CANDIDATES = 300;

  /** signIn attempts per client and window (each account also slows down after failures). */
  @WholeNumber(1)
  RATE_LIMIT_SIGN_IN = 100;

  @WholeNumber(1)
  RATE_LIMIT_SIGN_UP = 100;

  /** requestPasswordReset calls (each sends an e-mail) per client and window. */
  @WholeNumber(1)
  RATE_LIMIT_ACCOUNT_EMAIL = 20;

  @WholeNumber(1)
  RATE_LIMIT_IMPORT = 30;

  /** A link into the web app, for e-mails: `path` starts with a slash. */
  publicLink(path: string): string {
    return `${this.PUBLIC_URL.replace(/\/+$/, '')}${path}`;
  }

  rateLimit(
    limitClass: 'search' | 'candidates' | 'sign-in' | 'sign-up' | 'account-email' | 'import',
  ): number {
    const limits = {
      search: this.RATE_LIMIT_SEARCH,
      candidates: this.RATE_LIMIT_CANDIDATES,
      'sign-in': this.RATE_LIMIT_SIGN_IN,
      'sign-up': this.RATE_LIMIT_SIGN_UP,
      'account-email': this.RATE_LIMIT_ACCOUNT_EMAIL,
      import: this.RATE_LIMIT_IMPORT,
    };
    return limits[limitClass];
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get demoCatalogEnabled(): boolean {
    return this.DEMO_CATALOG ?? this.NODE_ENV === 'development';
  }

  get searchRelay(): 'api' | 'worker' {
    return this.SEARCH_RELAY ?? (this.MEILISEARCH_URL ? 'worker' : 'api');
  }

  get introspectionEnabled(): boolean {
    return this.GRAPHQL_INTROSPECTION ?? !this.isProduction;
  }

  get healthDetailsPublic(): boolean {
    return this.HEALTH_DETAILS ?? !this.isProduction;
  }

  get sandboxEnabled(): boolean {
    return this.GRAPHQL_SANDBOX ?? !this.isProduction;
  }
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Validates a raw environment into AppConfig, naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((rule) => rule.propertyName),
  );
  const raw = Object.fromEntries(Object.entries(env).filter(([key]) => known.has(key)));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((error) => {
        const secret = error.property.includes('SECRET') || error.property.includes('PASSWORD');
        const shown = secret ? '(hidden)' : JSON.stringify(raw[error.property] ?? null);
        return `${error.property}=${shown}: ${Object.values(error.constraints ?? {}).join('; ')}`;
      }),
    );
  }
  return config;
}

/** Reads .env (when present) and the process environment. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return parseConfig({ ...process.env, ...overrides });
}
