import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE } from '../../account/dto/password-length.js';

@ArgsType()
export class RequestPasswordResetArgs {
  @Field({ description: 'The address of the account; the answer is the same whether or not it has one.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field({ description: 'The token from the link in the password reset e-mail.' })
  @IsString()
  @MaxLength(200)
  token: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  newPassword: string;
}
