import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * The columns every versioned record has: an id, the version a client sends
 * back with a change (optimistic locking), and when it was created and changed.
 * Written only through `VersionedWriter`.
 */
@ObjectType({ isAbstract: true })
export abstract class VersionedRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, { description: 'Incremented on every change; send it back with an update.' })
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * A class a mixin may extend. TypeScript accepts a class as a mixin base only
 * when its constructor takes `...args: any[]` (TS2545), so `unknown[]` will not do.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TS2545 requires any[] for mixin bases
export type MixinBase<T = object> = abstract new (...args: any[]) => T;

type RecordClass = MixinBase<VersionedRecord>;

/** Adds the stable key of an imported catalogue (unique where set). */
export function WithExternalId<Base extends RecordClass>(base: Base) {
  @ObjectType({ isAbstract: true })
  abstract class ExternallyKeyed extends base {
    @Field(() => String, { nullable: true, description: 'Stable key in an imported catalogue.' })
    @Index({ unique: true, where: 'external_id IS NOT NULL' })
    @Column({ type: 'text', nullable: true })
    externalId: string | null;
  }
  return ExternallyKeyed;
}

/** Adds who created the record (null for imports and the matcher). */
export function WithAuthor<Base extends RecordClass>(base: Base) {
  @ObjectType({ isAbstract: true })
  abstract class Authored extends base {
    @Column({ type: 'uuid', nullable: true })
    createdByUserId: string | null;
  }
  return Authored;
}
