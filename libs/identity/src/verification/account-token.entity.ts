import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../account/user.entity.js';

/** What a one-time link proves: owning the address, to confirm it, to choose a new password, or to move the account to it. */
export type AccountTokenPurpose = 'verify-email' | 'reset-password' | 'change-email';

/** A one-time token sent by e-mail, stored only as its SHA-256; good once, until it expires. */
@Entity()
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  purpose: AccountTokenPurpose;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** For 'change-email': the address the link was sent to, which the account moves to once it is opened. */
  @Column({ type: 'text', nullable: true })
  newEmail: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
