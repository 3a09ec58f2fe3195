import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { BilingualText } from '#libs/core';

/** A cluster program or theme the city runs (鶴岡漢方プロジェクト, the spider-silk strategy…). */
@ObjectType({ description: 'A cluster program or theme the city runs.' })
@Entity()
export class Program {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({
    description: 'Stable code, used by seeds and needs and as the import externalId (e.g. prog-kampo).',
  })
  @Index({ unique: true })
  @Column({ type: 'text' })
  code: string;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'name' })
  name: BilingualText;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'description' })
  description: BilingualText;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
