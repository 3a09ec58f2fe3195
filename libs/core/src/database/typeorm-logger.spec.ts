import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { configureLogger } from '../logging/logger.js';
import { TypeOrmJsonLogger } from './typeorm-logger.js';

const HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const EMAIL = 'secret.person@example.jp';

function captureLog(): string[] {
  const lines: string[] = [];
  configureLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  return lines;
}

/** What pg throws for a duplicate e-mail, as TypeORM wraps it. */
function duplicateEmail(query: string, parameters: unknown[]) {
  const driverError = Object.assign(
    new Error('duplicate key value violates unique constraint "uq_user_email"'),
    {
      code: '23505',
      severity: 'ERROR',
      detail: `Key (email)=(${EMAIL}) already exists.`,
      table: 'user_account',
      constraint: 'uq_user_email',
    },
  );
  return new QueryFailedError(query, parameters, driverError);
}

describe('TypeOrmJsonLogger', () => {
  afterEach(() => {
    configureLogger('info');
  });

  it('logs a failed query with its text and parameter count and types, never the values', () => {
    const lines = captureLog();
    const query = 'INSERT INTO "user_account"("email", "password_hash", "created_at") VALUES ($1, $2, $3)';
    const parameters = [EMAIL, HASH, new Date()];
    new TypeOrmJsonLogger().logQueryError(duplicateEmail(query, parameters), query, parameters);

    const output = lines.join('');
    expect(output).not.toContain(EMAIL);
    expect(output).not.toContain('argon2');
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry).toMatchObject({
      msg: 'query failed',
      query,
      parameterCount: 3,
      parameterTypes: ['string', 'string', 'date'],
      err: { code: '23505', constraint: 'uq_user_email', parameterCount: 3 },
    });
  });

  it('blanks the value PostgreSQL quotes in a data-exception message', () => {
    const lines = captureLog();
    const driverError = Object.assign(new Error(`invalid input syntax for type uuid: "${EMAIL}"`), {
      code: '22P02',
      severity: 'ERROR',
    });
    const error = new QueryFailedError('SELECT 1 WHERE id = $1', [EMAIL], driverError);
    new TypeOrmJsonLogger().logQueryError(error, 'SELECT 1 WHERE id = $1', [EMAIL]);
    expect(lines.join('')).not.toContain(EMAIL);
    expect(lines.join('')).toContain('invalid input syntax for type uuid');
  });

  it('keeps ordinary errors as they are', () => {
    const lines = captureLog();
    new TypeOrmJsonLogger().logQueryError(new Error('connection terminated'), 'SELECT 1');
    expect(JSON.parse(lines[0])).toMatchObject({
      err: { message: 'connection terminated' },
      parameterCount: 0,
    });
  });
});
