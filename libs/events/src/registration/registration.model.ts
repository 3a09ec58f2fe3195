import { Connection } from '#libs/core';
import { Registration } from './registration.entity.js';

/** A page of registrations in registration order (edges, pageInfo, totalCount). */
export const RegistrationConnection = Connection(Registration, 'Registration');
