import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SeedSearchFilter } from '#libs/search';

@InputType()
export class SaveSearchInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => String, { defaultValue: '' })
  @IsString()
  @MaxLength(200)
  query = '';

  @Field(() => SeedSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeedSearchFilter)
  filter?: SeedSearchFilter;
}
