import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Language } from '#libs/core';

export enum InvitedRole {
  RESEARCHER = 'researcher',
  COMPANY_MEMBER = 'company-member',
  COORDINATOR = 'coordinator',
}
registerEnumType(InvitedRole, {
  name: 'InvitedRole',
  description: 'The role an invitation offers; a coordinator is invited by an admin only.',
});

export const NOTE_MAX = 500;

@InputType()
export class InviteColleagueInput {
  @Field({
    description: 'Your colleague’s address; the answer is the same whether or not it has an account.',
  })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organization to join: your own (the default); coordinators name any. None for a coordinator.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => InvitedRole, {
    nullable: true,
    description: 'Default: what the organization’s type calls for (researcher or company member).',
  })
  @IsOptional()
  @IsEnum(InvitedRole)
  role?: InvitedRole;

  @Field(() => Language, {
    nullable: true,
    description: 'The language of the invitation e-mail (default: ja).',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;

  @Field(() => String, {
    nullable: true,
    description: `A short note shown in the e-mail (${NOTE_MAX} characters at most).`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  message?: string;
}
