import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { Semaphore } from './semaphore.js';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under isolatedModules */ as const,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * Each hash or check takes 19 MiB and a thread; bounding how many run at once keeps a flood of
 * sign-ins or sign-ups from taking the memory and every libuv thread (the rest wait their turn).
 */
const argon2 = new Semaphore(Math.max(1, Math.min(4, availableParallelism() - 1)));

export const hashPassword = (password: string) => argon2.run(() => hash(password, OPTIONS));

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await argon2.run(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** Spends the same time as a real check, so unknown emails can't be told apart by timing. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy-password-for-timing');
  await verifyPassword(await decoy, password);
  return false;
}
