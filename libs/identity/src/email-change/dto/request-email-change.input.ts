import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX } from '../../account/dto/password-length.js';

@InputType()
export class RequestEmailChangeInput {
  @Field({ description: 'The address to move the account to; it gets the link that completes the change.' })
  @IsEmail({}, { message: 'newEmail must be an email address' })
  @MaxLength(254)
  newEmail: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;
}
