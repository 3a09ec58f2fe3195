import { QueryFailedError } from 'typeorm';

/** A write refused by a unique index (PostgreSQL 23505): a concurrent writer took the key first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}
