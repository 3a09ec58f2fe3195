import { Field, ID, ObjectType } from '@nestjs/graphql';
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
import { User } from '#libs/identity';

/** A company member's search, kept: they are told when a newly published seed matches it. */
@ObjectType()
@Entity()
export class SavedSearch {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Column({ type: 'text' })
  query: string;

  /** The SeedSearchFilter as given (fields, trl range…), applied again to every new seed. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  filter: Record<string, unknown>;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
