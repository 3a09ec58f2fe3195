import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsUUID } from 'class-validator';

@InputType()
export class CancelRegistrationInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a guest: the token from the link in the confirmation e-mail.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cancelToken?: string;
}
