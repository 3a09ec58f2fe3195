import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { NameInput, NestedInput, PageArgs } from '#libs/core';

export enum SignUpRole {
  RESEARCHER = 'researcher',
  COMPANY_MEMBER = 'company-member',
}
registerEnumType(SignUpRole, { name: 'SignUpRole', description: 'Roles open to self sign-up.' });

export enum StaffRole {
  COORDINATOR = 'coordinator',
  ADMIN = 'admin',
}
registerEnumType(StaffRole, { name: 'StaffRole' });

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

@InputType()
export class SignUpInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
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
}

@InputType()
export class CreateStaffAccountInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(12)
  @MaxLength(PASSWORD_MAX)
  password: string;

  @Field(() => NameInput)
  @NestedInput(() => NameInput)
  name: NameInput;

  @Field(() => StaffRole)
  @IsEnum(StaffRole)
  role: StaffRole;
}

@InputType()
export class SignInInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@InputType()
export class DecideAffiliationInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => String, { nullable: true, description: 'Shown to the account holder.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

@ArgsType()
export class SignOutArgs {
  @Field(() => String, { nullable: true, description: 'Omit to end the session of the access token sent.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

@ArgsType()
export class OrganizationMembersArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;
}
