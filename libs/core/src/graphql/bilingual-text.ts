import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Column } from 'typeorm';
import {
  IsOptional,
  IsString,
  MaxLength,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { Expose, Transform, Type } from 'class-transformer';

/** Text in Japanese and English; either alone is valid. Stored as two columns. */
@ObjectType({ description: 'Text in Japanese and English; at least one is present.' })
export class BilingualText {
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  ja: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  en: string | null;
}

export function bilingual(value: { ja?: string | null; en?: string | null }): BilingualText {
  return Object.assign(new BilingualText(), { ja: value.ja?.trim() || null, en: value.en?.trim() || null });
}

/** class-validator rule: at least one language holds non-blank text. */
function HasSomeText() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'hasSomeText',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => {
          const text = args.object as { ja?: string; en?: string };
          return Boolean(text.ja?.trim() || text.en?.trim());
        },
        defaultMessage: () => 'give the text in Japanese (ja), English (en) or both',
      },
    });
}

/** Builds a bilingual input class with a length limit, e.g. names 200, descriptions 5,000. */
export function BilingualTextInputOf(maxLength: number, name: string) {
  @InputType(name, { description: `Japanese and/or English text, at most ${maxLength} characters each.` })
  class BilingualTextInput {
    @Field(() => String, { nullable: true })
    // Absent or null counts as "": IsOptional would otherwise skip HasSomeText and let {} through.
    @Expose()
    @Transform(({ value }: { value: unknown }) => value ?? '')
    @IsOptional()
    @IsString()
    @MaxLength(maxLength)
    @HasSomeText()
    ja?: string;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @IsString()
    @MaxLength(maxLength)
    en?: string;
  }
  return BilingualTextInput;
}

export const NameInput = BilingualTextInputOf(200, 'NameInput');
export type NameInput = InstanceType<typeof NameInput>;
export const DescriptionInput = BilingualTextInputOf(5000, 'DescriptionInput');
export type DescriptionInput = InstanceType<typeof DescriptionInput>;

/** Nested bilingual input property: validated and transformed as a whole. */
export function NestedInput(type: () => new () => object) {
  return (target: object, propertyName: string) => {
    ValidateNested()(target, propertyName);
    Type(type)(target, propertyName);
  };
}
