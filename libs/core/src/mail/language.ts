import { registerEnumType } from '@nestjs/graphql';

/** The language a person reads their e-mails in. */
export enum Language {
  JA = 'ja',
  EN = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'Japanese (ja) or English (en).' });
