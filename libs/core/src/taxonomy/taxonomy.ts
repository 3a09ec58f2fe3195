import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerDecorator } from 'class-validator';
import { projectRoot } from '../project-root.js';

export interface TaxonomyEntry {
  code: string;
  ja: string;
  en: string;
}

export interface TaxonomyData {
  version: number;
  fields: TaxonomyEntry[];
  collaborationTypes: TaxonomyEntry[];
  organizationTypes: TaxonomyEntry[];
  ipStatuses: TaxonomyEntry[];
}

export type TaxonomyList = Exclude<keyof TaxonomyData, 'version'>;

let loaded: TaxonomyData | undefined;

/** The project's own code lists, data/taxonomy.json (copied from the shared spec). */
export function taxonomy(): TaxonomyData {
  loaded ??= JSON.parse(readFileSync(join(projectRoot(), 'data', 'taxonomy.json'), 'utf8')) as TaxonomyData;
  return loaded;
}

export function isTaxonomyCode(list: TaxonomyList, code: unknown): boolean {
  return typeof code === 'string' && taxonomy()[list].some((entry) => entry.code === code);
}

/** The Japanese and English labels of a code; an unknown code labels itself. */
export function taxonomyLabel(list: TaxonomyList, code: string): { ja: string; en: string } {
  const entry = taxonomy()[list].find((term) => term.code === code);
  return { ja: entry?.ja ?? code, en: entry?.en ?? code };
}

/** class-validator rule: the value (or each value of an array) is a code of the given list. */
export function IsTaxonomyCode(list: TaxonomyList) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTaxonomyCode',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) ? value.every((v) => isTaxonomyCode(list, v)) : isTaxonomyCode(list, value),
        defaultMessage: () =>
          `${propertyName} must be one of the ${list} codes: ${taxonomy()
            [list].map((entry) => entry.code)
            .join(', ')}`,
      },
    });
}
