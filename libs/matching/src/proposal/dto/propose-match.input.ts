import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType({ description: 'A coordinator proposes a seed for a need.' })
export class ProposeMatchInput {
  @Field(() => ID)
  @IsUUID('all')
  needId: string;

  @Field(() => ID)
  @IsUUID('all')
  seedId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
