import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

const ADMIN = { email: 'admin@throttle.test', password: 'throttle-admin-password' };
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
});
afterAll(async () => {
  await app?.close();
});

describe('password guessing', () => {
  it('is refused after five failures for one email, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await app.gql(SIGN_IN, { i: { email: ADMIN.email, password: `guess-${i}` } });
      expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const locked = await app.gql(SIGN_IN, {
      i: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
    });
    expect(locked.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TOO_MANY_SIGN_IN_ATTEMPTS',
    });
    const { rows } = await app.db.query('SELECT count(*)::int AS n FROM session');
    expect(rows[0].n).toBe(0);
  });
});
