import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
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

/** A seed a saved search was told about: each pair once. */
@Entity()
export class SavedSearchMatch {
  @PrimaryColumn({ type: 'uuid' })
  savedSearchId: string;

  @ManyToOne(() => SavedSearch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'saved_search_id' })
  savedSearch?: Relation<SavedSearch>;

  @PrimaryColumn({ type: 'uuid' })
  seedId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;
}
