import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Language, NameInput, NestedInput } from '#libs/core';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE } from '../../account/dto/password-length.js';

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token from the link in the invitation e-mail.' })
  @IsString()
  @MaxLength(200)
  token: string;

  @Field(() => NameInput, { description: 'Your name, in Japanese and/or English.' })
  @NestedInput(() => NameInput)
  name: NameInput;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password: string;

  @Field(() => Language, {
    nullable: true,
    description: 'The language of your e-mails (default: the invitation’s).',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}
