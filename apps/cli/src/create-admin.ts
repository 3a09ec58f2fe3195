import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AppConfig, configureLogger, loadConfig } from '#libs/core';
import { AccountService } from '#libs/identity';
import { runCommand } from '#libs/platform';

/**
 *   npm run create-admin -- --email admin@example.jp --password '…'
 * (or ADMIN_EMAIL / ADMIN_PASSWORD). Creates the first admin; does nothing once one exists.
 */
async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });
  const config = loadConfig({
    ...(values.email ? { ADMIN_EMAIL: values.email } : {}),
    ...(values.password ? { ADMIN_PASSWORD: values.password } : {}),
  });
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = config;
  if (!email || !password) throw new Error('give --email and --password (or ADMIN_EMAIL and ADMIN_PASSWORD)');
  configureLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const created = await runCommand(withoutAdminEnv(config), 'create-admin', (app) =>
    app.get(AccountService).ensureFirstAdmin(email, password),
  );
  console.log(created ? `created admin ${created.email}` : 'an admin already exists; nothing changed');
}

/** The module gets no ADMIN_*, so its boot hook leaves the creation (and its report) to this command. */
function withoutAdminEnv(config: AppConfig): AppConfig {
  return Object.assign(Object.create(AppConfig.prototype) as AppConfig, config, {
    ADMIN_EMAIL: undefined,
    ADMIN_PASSWORD: undefined,
  });
}

main().catch((error: Error) => {
  console.error(`create-admin failed: ${error.message}`);
  process.exit(1);
});
