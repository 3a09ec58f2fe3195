import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BilingualText, VersionedRecord, WithExternalId } from '#libs/core';

@ObjectType({
  description: 'A university, institute, laboratory, company or other body that people belong to.',
})
@Entity()
export class Organization extends WithExternalId(VersionedRecord) {
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
}
