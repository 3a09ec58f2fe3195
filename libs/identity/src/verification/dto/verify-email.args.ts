import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class VerifyEmailArgs {
  @Field({ description: 'The token from the link in the confirmation e-mail.' })
  @IsString()
  @MaxLength(200)
  token: string;
}

@ArgsType()
export class ResendVerificationEmailArgs {
  @Field({
    description: 'The address signed up with; the answer is the same whether or not it has an account.',
  })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}
