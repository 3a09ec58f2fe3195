import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { CoreError, type FieldProblem } from '../errors/domain-error.js';
import { unsafeTextProblem } from '../text/unsafe-text.js';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Validates every GraphQL argument: first its text (no control characters or
 * unpaired surrogates anywhere, so neither the validators nor PostgreSQL see
 * them), then its class-validator rules; each problem names its path from the
 * argument ("input.name.ja").
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata) {
    const type = metadata.metatype;
    // GraphQL arguments (@Args) arrive as 'body'. 'custom' covers @Parent() and custom
    // param decorators (@CurrentViewer, @Loaders): those are not client input.
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const unsafe = unsafeTextIn(value, metadata.data);
    if (unsafe.length) throw CoreError.invalidInput(unsafe);
    if (!type || PRIMITIVES.has(type) || value === null || value === undefined || typeof value !== 'object')
      return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: false,
    });
    // @Args('input') names one argument ("input.email"); a bare @Args() is an ArgsType whose
    // properties are the arguments themselves ("first").
    if (errors.length) throw CoreError.invalidInput(flatten(errors, metadata.data));
    return instance;
  }
}

function flatten(errors: ValidationError[], prefix: string | undefined): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Every string in the argument, through nested input objects and lists, that breaks the text rule. */
export function unsafeTextIn(value: unknown, path: string | undefined): FieldProblem[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (typeof value === 'string') {
    const problem = unsafeTextProblem(value);
    return problem ? [{ path: path ?? '', messages: [problem] }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeTextIn(item, at(index)));
  if (isPlainObject(value))
    return Object.entries(value).flatMap(([key, item]) => unsafeTextIn(item, at(key)));
  return [];
}

// GraphQL builds input objects with a null prototype; anything else (an upload) is not text.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === null || prototype === Object.prototype;
}
