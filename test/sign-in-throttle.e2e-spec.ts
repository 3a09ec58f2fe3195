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
  it('slows an account down but never locks its owner out', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.gql(SIGN_IN, { i: { email: ADMIN.email, password: `guess-number-${i}` } }),
      ),
    );
    for (const wrong of guesses) expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const started = Date.now();
    const owner = await app.gql<{ signIn: { accessToken: string } }>(SIGN_IN, {
      i: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
    });
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.signIn.accessToken).toEqual(expect.any(String));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // the capped delay, not a lock
    const { rows } = await app.db.query('SELECT count(*)::int AS n FROM session');
    expect(rows[0].n).toBe(1);

    // a success clears the account's count: the next attempt is answered without a wait
    const again = Date.now();
    const next = await app.gql(SIGN_IN, { i: { email: ADMIN.email, password: ADMIN.password } });
    expect(next.errors).toBeUndefined();
    expect(Date.now() - again).toBeLessThan(1500);
  }, 30000);
});
