import { Connection } from '#libs/core';
import { User } from './user.entity.js';

export const UserConnection = Connection(User, 'User');
