import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger, type AppConfig } from '#libs/core';
import { openDatabase } from './database.js';
import { commandImports, type CommandName } from './processes.js';

@Module({})
class CommandModule {}

/** Opens the database, boots the command's modules, runs the work, then closes both whatever happened. */
export async function runCommand<T>(
  config: AppConfig,
  command: CommandName,
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config);
  try {
    const app = await NestFactory.createApplicationContext(
      { module: CommandModule, imports: commandImports(config, database.url, command) },
      { logger: new JsonLogger() },
    );
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}
