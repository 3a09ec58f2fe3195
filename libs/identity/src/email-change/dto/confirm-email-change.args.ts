import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ConfirmEmailChangeArgs {
  @Field({ description: 'The token from the link in the e-mail sent to the new address.' })
  @IsString()
  @MaxLength(200)
  token: string;
}
