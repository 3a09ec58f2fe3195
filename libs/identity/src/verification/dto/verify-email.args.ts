import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class VerifyEmailArgs {
  @Field({ description: 'The token from the link in the confirmation e-mail.' })
  @IsString()
  @MaxLength(200)
  token: string;
}
