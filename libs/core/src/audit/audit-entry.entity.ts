import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Who changed which record when, field by field, for every domain. Written in the change's own transaction. */
@Entity()
@Index(['entityType', 'entityId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  /** The account that made the change; null for imports and system jobs. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'uuid' })
  entityId: string;

  /** created, updated, published, archived, renewed, imported… */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb' })
  changes: FieldChanges;
}
