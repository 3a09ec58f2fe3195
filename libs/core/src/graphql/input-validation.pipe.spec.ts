import { describe, expect, it } from '@jest/globals';
import { IsEmail, MaxLength } from 'class-validator';
import { CoreError } from '../errors/domain-error.js';
import { NameInput, NestedInput } from './bilingual-text.js';
import { InputValidationPipe } from './input-validation.pipe.js';

class ProfileInput {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @NestedInput(() => NameInput)
  name: InstanceType<typeof NameInput>;
}

const pipe = new InputValidationPipe();
const validate = (value: object) =>
  pipe.transform(value, { type: 'body', metatype: ProfileInput, data: 'input' });

async function problems(value: object) {
  try {
    await validate(value);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return (error as CoreError).fields.map((field) => field.path);
  }
}

describe('InputValidationPipe', () => {
  it('passes valid input through as an instance of the input class', async () => {
    const result = await validate({ email: 'a@b.jp', name: { ja: '鶴岡' } });
    expect(result).toBeInstanceOf(ProfileInput);
  });

  it('names each bad field by its path from the argument', async () => {
    expect(await problems({ email: 'nope', name: { ja: '鶴岡' } })).toEqual(['input.email']);
    expect(await problems({ email: 'a@b.jp', name: { ja: 'x'.repeat(201) } })).toEqual(['input.name.ja']);
  });

  it('wants some text in one of the two languages', async () => {
    expect(await problems({ email: 'a@b.jp', name: { ja: '  ', en: '' } })).toEqual(['input.name.ja']);
    expect(await problems({ email: 'a@b.jp', name: { en: 'Tsuruoka' } })).toEqual([]);
  });
});
