import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType({ description: 'A company asks coordinators to introduce it to the researchers of a seed.' })
export class RequestIntroductionInput {
  @Field(() => ID)
  @IsUUID('all')
  seedId: string;

  @Field(() => ID, { nullable: true, description: 'The company’s need this is for, if any.' })
  @IsOptional()
  @IsUUID('all')
  needId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
