import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { logger } from '../logging/logger.js';
import { EmailMessage } from './email-message.entity.js';

const BATCH = 20;
const IDLE_MS = 2000;
const MAX_ATTEMPTS = 10;

/**
 * Sends the e-mail outbox through SMTP_URL. Without it nothing is sent and
 * the messages stay queued: no fake delivery. The api and the worker both
 * run it (MailSendingModule): each batch is claimed with SKIP LOCKED.
 */
@Injectable()
export class EmailSenderService implements OnApplicationBootstrap, OnModuleDestroy {
  private transport?: Transporter;
  private running = false;
  private loop?: Promise<void>;
  private wake?: AbortController;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.SMTP_URL) return;
    this.transport = nodemailer.createTransport(this.config.SMTP_URL);
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy() {
    this.running = false;
    this.wake?.abort();
    await this.loop;
    this.transport?.close();
  }

  /** Sends what is queued (a batch); returns how many went out. */
  async sendBatch(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    return this.dataSource.transaction(async (manager) => {
      const messages = await manager
        .createQueryBuilder(EmailMessage, 'message')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('message.sentAt IS NULL AND message.attempts < :max', { max: MAX_ATTEMPTS })
        .orderBy('message.createdAt', 'ASC')
        .take(BATCH)
        .getMany();
      let sent = 0;
      for (const message of messages) {
        try {
          await transport.sendMail({
            from: this.config.SMTP_FROM,
            to: message.toAddress,
            subject: message.subject,
            text: message.body,
            ...(message.html ? { html: message.html } : {}),
          });
          if (message.forgetWhenSent) await manager.delete(EmailMessage, { id: message.id });
          else
            await manager.update(
              EmailMessage,
              { id: message.id },
              { sentAt: new Date(), attempts: message.attempts + 1, lastError: null },
            );
          sent++;
        } catch (error) {
          await manager.update(
            EmailMessage,
            { id: message.id },
            {
              attempts: message.attempts + 1,
              lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
            },
          );
        }
      }
      return sent;
    });
  }

  private async run() {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.sendBatch();
      } catch (error) {
        if (this.running)
          logger('EmailSenderService').error({ err: error }, 'e-mail sending failed; retrying');
      }
      this.wake = new AbortController();
      if (this.running && sent < BATCH)
        await sleep(IDLE_MS, undefined, { signal: this.wake.signal }).catch(() => undefined);
    }
  }
}
