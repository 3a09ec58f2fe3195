import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  JoinColumn,
  type Relation,
} from 'typeorm';
import { User } from '../account/user.entity.js';

/** One sign-in on one device: the family of refresh tokens that rotate from it. */
@Entity()
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** When its refresh token was last traded in (or it began); access-token use does not touch it. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastUsedAt: Date;

  /** The client's User-Agent when it signed in or last refreshed, cleaned and cut (shown back to the owner). */
  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Why it ended: sign-out, a password change or reset, or a refresh token used twice (likely stolen). */
  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;
}
