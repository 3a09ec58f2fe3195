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

@ObjectType({
  description: 'A university, institute, laboratory, company or other body that people belong to.',
})
@Entity()
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true, description: 'Stable key in an imported catalogue.' })
  @Index({ unique: true, where: 'external_id IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Field({ description: 'organizationTypes code from the taxonomy.' })
  @Index()
  @Column({ type: 'text' })
  type: string;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'name' })
  name: BilingualText;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'description' })
  description: BilingualText;

  @Field(() => String, { nullable: true, description: 'e.g. 山形県' })
  @Index()
  @Column({ type: 'text', nullable: true })
  prefecture: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 鶴岡市' })
  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

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
