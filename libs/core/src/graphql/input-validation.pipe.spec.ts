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

  it('refuses control characters and unpaired surrogates anywhere, naming the path, before validating', async () => {
    // '\ud800' would make @IsEmail throw a URIError if it reached the validator.
    expect(await problems({ email: 'a\ud800@b.jp', name: { ja: '鶴岡' } })).toEqual(['input.email']);
    expect(await problems({ email: 'a@b.jp', name: { ja: '鶴岡\u0000' } })).toEqual(['input.name.ja']);
    expect(await problems({ email: 'a@b.jp', name: { en: 'c1\u0085', ja: 'del\u007f' } })).toEqual([
      'input.name.en',
      'input.name.ja',
    ]);
  });

  it('walks lists and null-prototype input objects, and checks bare string arguments', async () => {
    const nested = Object.assign(Object.create(null) as object, { tags: ['ok', 'bell\u0007'] });
    await expect(
      pipe.transform(nested, { type: 'body', metatype: Object, data: undefined }),
    ).rejects.toMatchObject({
      fields: [{ path: 'tags.1', messages: ['contains a control character'] }],
    });
    await expect(
      pipe.transform('x\u0000', { type: 'body', metatype: String, data: 'nameContains' }),
    ).rejects.toMatchObject({
      fields: [{ path: 'nameContains', messages: ['contains a control character'] }],
    });
  });

  it('lets tabs, line breaks and surrogate pairs through', async () => {
    const result = await validate({ email: 'a@b.jp', name: { ja: '一行目\r\n二行目\t🌿' } });
    expect(result).toBeInstanceOf(ProfileInput);
  });
});
