import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ChangeTopic } from './change-topic.js';

/**
 * The transactional outbox: one row per changed record, written in the
 * change's own transaction, applied to the search index by the relay in
 * `seq` order and marked processed only once the engine confirmed it.
 */
@Entity()
@Index('outbox_change_pending', ['seq'], { where: 'processed_at IS NULL' })
@Index(['enqueuedAt'])
export class OutboxChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  seq: string;

  @Column({ type: 'text' })
  topic: ChangeTopic;

  @Column({ type: 'uuid' })
  entityId: string;

  /** now() of the writing transaction, that is, when it began: reindex replays from the oldest open one. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  enqueuedAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  processedAt: Date | null;
}
