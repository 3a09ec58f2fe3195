import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, configureLogger, CoreModule, JsonLogger, loadConfig } from '#libs/core';
import { AccountService, IdentityModule } from '#libs/identity';
import { openDatabase } from '../bootstrap.js';
import { ENTITIES, MIGRATIONS } from '../persistence.js';

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
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD)
    throw new Error('give --email and --password (or ADMIN_EMAIL and ADMIN_PASSWORD)');
  configureLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDatabase(config);
  try {
    @Module({
      imports: [
        CoreModule.forRoot({
          config: withoutAdminEnv(config),
          database: { url: database.url, poolSize: 2, entities: ENTITIES, migrations: MIGRATIONS },
        }),
        IdentityModule,
      ],
    })
    class CreateAdminModule {}
    const app = await NestFactory.createApplicationContext(CreateAdminModule, { logger: new JsonLogger() });
    try {
      const created = await app
        .get(AccountService)
        .ensureFirstAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
      console.log(created ? `created admin ${created.email}` : 'an admin already exists; nothing changed');
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
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
