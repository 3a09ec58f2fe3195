import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE } from './password-length.js';

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  newPassword: string;
}
