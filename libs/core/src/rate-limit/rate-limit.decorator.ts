import { SetMetadata } from '@nestjs/common';

/** The kinds of expensive operation, each with its own per-client budget (AppConfig RATE_LIMIT_*). */
export const RATE_LIMIT_CLASSES = [
  'search',
  'candidates',
  'sign-in',
  'sign-up',
  'account-email',
  'import',
] as const;
export type RateLimitClass = (typeof RATE_LIMIT_CLASSES)[number];

export const RATE_LIMIT_METADATA = 'kyoso:rate-limit';

/** Declares the budget an operation spends from, per client (IP) and window; each call (alias) costs one. */
export const RateLimit = (limitClass: RateLimitClass) => SetMetadata(RATE_LIMIT_METADATA, limitClass);
