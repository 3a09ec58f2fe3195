import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** E-mail waiting to be sent: the outbox the SMTP sender drains when SMTP_URL is set. */
@Entity()
@Index('email_message_pending', ['createdAt'], { where: 'sent_at IS NULL' })
@Index('email_message_recent', ['toAddress', 'kind', 'createdAt'])
export class EmailMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  toAddress: string;

  /** What the message is about (`notification`, `sign-up`, …): per-address limits count by kind. */
  @Column({ type: 'text', default: 'notification' })
  kind: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** The same message as HTML (renderEmail); null for messages queued before it existed. */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  /** Deleted once sent instead of kept: the last e-mail to a closed account's old address. */
  @Column({ type: 'boolean', default: false })
  forgetWhenSent: boolean;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
