import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class LeaveOrganizationArgs {
  @Field(() => String, { nullable: true, description: 'Why you leave: kept in the audit log.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
