import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Language, NameInput, NestedInput } from '#libs/core';

@InputType({ description: 'Who registers without signing in.' })
export class GuestRegistrantInput {
  @Field(() => NameInput)
  @NestedInput(() => NameInput)
  name: NameInput;

  @Field({ description: 'The organization the guest belongs to.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organization: string;

  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field(() => Language, {
    nullable: true,
    description: 'The language of the e-mails (Japanese by default).',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}

@InputType()
export class RegisterForEventInput {
  @Field(() => ID)
  @IsUUID()
  eventId: string;

  @Field(() => GuestRegistrantInput, {
    nullable: true,
    description: 'Required without signing in; left out when signed in (you register yourself).',
  })
  @IsOptional()
  @NestedInput(() => GuestRegistrantInput)
  guest?: GuestRegistrantInput;
}
