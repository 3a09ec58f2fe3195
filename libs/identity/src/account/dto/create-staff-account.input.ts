import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import { NameInput, NestedInput } from '#libs/core';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE } from './password-length.js';

export enum StaffRole {
  COORDINATOR = 'coordinator',
  ADMIN = 'admin',
}
registerEnumType(StaffRole, { name: 'StaffRole' });

@InputType()
export class CreateStaffAccountInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: PASSWORD_RULE })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password: string;

  @Field(() => NameInput)
  @NestedInput(() => NameInput)
  name: NameInput;

  @Field(() => StaffRole)
  @IsEnum(StaffRole)
  role: StaffRole;
}
