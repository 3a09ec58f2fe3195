import { Args, ID } from '@nestjs/graphql';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { CoreError } from '../errors/domain-error.js';

/** Refuses an id argument that is not a UUID before it reaches PostgreSQL (which would throw). */
@Injectable()
export class UuidArgPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    throw CoreError.invalidInput([{ path: this.name, messages: [`${this.name} must be an id (a UUID)`] }]);
  }
}

/**
 * A required `ID` argument that must be a UUID: use instead of `@Args('id', { type: () => ID })`.
 * Ids inside inputs and ArgsTypes carry `@IsUUID()` instead.
 */
export const IdArg = (name = 'id') => Args(name, { type: () => ID }, new UuidArgPipe(name));
