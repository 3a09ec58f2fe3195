import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

/** A record and the version the caller saw: for changes that carry no other data (publish, close…). */
@InputType()
export class RecordVersionInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, {
    description: 'The version this change was based on; a newer one on the server refuses it.',
  })
  @IsInt()
  @Min(1)
  version: number;
}
