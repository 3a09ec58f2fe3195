import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX } from '../../account/dto/password-length.js';

@ArgsType()
export class CloseMyAccountArgs {
  @Field({ description: 'Your password: closing cannot be undone.' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;
}
