import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Language, NameInput, NestedInput } from '#libs/core';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE } from './password-length.js';

export enum SignUpRole {
  RESEARCHER = 'researcher',
  COMPANY_MEMBER = 'company-member',
}
registerEnumType(SignUpRole, { name: 'SignUpRole', description: 'Roles open to self sign-up.' });

@InputType()
export class SignUpInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password: string;

  @Field(() => NameInput, { description: 'Your name, in Japanese and/or English.' })
  @NestedInput(() => NameInput)
  name: NameInput;

  @Field(() => SignUpRole)
  @IsEnum(SignUpRole)
  role: SignUpRole;

  @Field(() => ID, { description: 'The organization you belong to; a coordinator confirms it.' })
  @IsUUID()
  organizationId: string;

  @Field(() => Language, {
    nullable: true,
    description: 'The language of your e-mails, this one included (default: ja).',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}
