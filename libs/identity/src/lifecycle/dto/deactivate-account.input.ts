import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

@InputType()
export class DeactivateAccountInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => String, { description: 'Why: kept with the account and in the audit log.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(1000)
  reason: string;
}
