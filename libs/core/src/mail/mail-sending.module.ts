import { Module } from '@nestjs/common';
import { EmailSenderService } from './email-sender.service.js';

/** Drains the e-mail outbox through SMTP; the api and the worker both include it. */
@Module({ providers: [EmailSenderService] })
export class MailSendingModule {}
