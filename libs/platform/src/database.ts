import { EmbeddedPostgres, type AppConfig } from '#libs/core';

export interface OpenDatabase {
  url: string;
  /** Stops the embedded cluster; nothing for an external database. */
  stop(): Promise<void>;
}

/** The database URL to use: DATABASE_URL, or a freshly started embedded cluster. */
export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  const embedded = new EmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_POSTGRES_PORT });
  return { url: await embedded.start(), stop: () => embedded.stop() };
}
