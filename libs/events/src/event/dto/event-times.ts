import { applyDecorators } from '@nestjs/common';
import { IsDate, MaxDate, MinDate } from 'class-validator';

/** An instant PostgreSQL and every calendar can hold: years 1900 to 2199. */
export const IsEventTime = () =>
  applyDecorators(
    IsDate(),
    MinDate(new Date('1900-01-01T00:00:00Z')),
    MaxDate(new Date('2199-12-31T23:59:59Z')),
  );
