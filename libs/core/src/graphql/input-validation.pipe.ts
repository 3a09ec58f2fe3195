import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { CoreError, type FieldProblem } from '../errors/domain-error.js';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Validates every GraphQL argument against its class-validator rules and
 * reports each problem with its path from the argument ("input.name.ja").
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata) {
    const type = metadata.metatype;
    // GraphQL arguments (@Args) arrive as 'body'. 'custom' covers @Parent() and custom
    // param decorators (@CurrentViewer, @Loaders): those are not client input.
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
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
