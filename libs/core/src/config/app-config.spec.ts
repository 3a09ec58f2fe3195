import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, parseConfig } from './app-config.js';

describe('parseConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.sandboxEnabled).toBe(true);
  });

  it('names the bad variable', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(/PORT="abc"/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('requires a long JWT_SECRET in production and hides its value', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required in production/);
    try {
      parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' });
      throw new Error('expected failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect(String(error)).toContain('JWT_SECRET=(hidden)');
      expect(String(error)).not.toContain('short');
    }
  });

  it('requires ADMIN_PASSWORD with ADMIN_EMAIL', () => {
    expect(() => parseConfig({ ADMIN_EMAIL: 'admin@example.jp' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('turns sandbox off in production unless asked', () => {
    const secret = 'x'.repeat(32);
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).sandboxEnabled).toBe(false);
    expect(
      parseConfig({ NODE_ENV: 'production', JWT_SECRET: secret, GRAPHQL_SANDBOX: 'true' }).sandboxEnabled,
    ).toBe(true);
  });

  it('turns introspection (and with it "Did you mean" hints) off in production unless asked', () => {
    const secret = 'x'.repeat(32);
    expect(parseConfig({}).introspectionEnabled).toBe(true);
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).introspectionEnabled).toBe(false);
    const asked = { NODE_ENV: 'production', JWT_SECRET: secret, GRAPHQL_INTROSPECTION: 'true' };
    expect(parseConfig(asked).introspectionEnabled).toBe(true);
    expect(parseConfig({ GRAPHQL_INTROSPECTION: 'false' }).introspectionEnabled).toBe(false);
  });

  it('shows /health details to everyone outside production only, unless set', () => {
    const secret = 'x'.repeat(32);
    expect(parseConfig({ NODE_ENV: 'test' }).healthDetailsPublic).toBe(true);
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).healthDetailsPublic).toBe(false);
    expect(parseConfig({ HEALTH_DETAILS: 'false' }).healthDetailsPublic).toBe(false);
  });

  it('refuses an ADMIN_PASSWORD under 12 characters', () => {
    const admin = { ADMIN_EMAIL: 'admin@example.jp', ADMIN_PASSWORD: 'elevenchars' };
    expect(() => parseConfig(admin)).toThrow(/ADMIN_PASSWORD.*at least 12/);
  });

  it('reads rate limits per class and TRUST_PROXY as express takes it', () => {
    const config = parseConfig({ RATE_LIMIT_SEARCH: '7', TRUST_PROXY: '1' });
    expect(config.rateLimit('search')).toBe(7);
    expect(config.rateLimit('sign-in')).toBe(100);
    expect(config.trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(parseConfig({}).trustProxy).toBeUndefined();
    expect(() => parseConfig({ RATE_LIMIT_SIGN_IN: '0' })).toThrow(/RATE_LIMIT_SIGN_IN/);
  });
});
