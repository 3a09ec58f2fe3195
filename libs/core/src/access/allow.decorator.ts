import { SetMetadata } from '@nestjs/common';
import type { Audience } from './viewer.js';

export const ALLOW_METADATA = 'kyoso:allow';

/**
 * Declares who may call a Query or Mutation. Operations without it are refused:
 * access is denied by default.
 */
export const Allow = (...audiences: [Audience, ...Audience[]]) => SetMetadata(ALLOW_METADATA, audiences);
