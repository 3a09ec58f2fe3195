import { registerEnumType } from '@nestjs/graphql';

export enum RegistrationStatus {
  REGISTERED = 'registered',
  WAITLISTED = 'waitlisted',
  CANCELLED = 'cancelled',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description:
    'REGISTERED holds a place; WAITLISTED waits for one (promoted in registration order when a place frees); CANCELLED.',
});
