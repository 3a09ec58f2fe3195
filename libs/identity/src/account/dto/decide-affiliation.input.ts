import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class DecideAffiliationInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => String, { nullable: true, description: 'Shown to the account holder.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
