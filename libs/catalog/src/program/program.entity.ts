import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BilingualText, VersionedRecord } from '#libs/core';

/** A cluster program or theme the city runs (鶴岡漢方プロジェクト, the spider-silk strategy…). */
@ObjectType({ description: 'A cluster program or theme the city runs.' })
@Entity()
export class Program extends VersionedRecord {
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
}
