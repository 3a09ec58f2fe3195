import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SignedInViewer } from '#libs/core';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import type { UpdatePreferencesInput } from './dto/update-preferences.input.js';
import { deliveryOf, NotificationKind } from './notification-kind.js';
import type { Preferences } from './preferences.model.js';

/** The account's own settings: e-mail language and notification deliveries. */
@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  of(user: User): Preferences {
    return {
      language: user.language,
      notifications: Object.values(NotificationKind).map((kind) => ({
        kind,
        delivery: deliveryOf(user.notificationDelivery, kind),
      })),
    };
  }

  async update(input: UpdatePreferencesInput, viewer: SignedInViewer): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: viewer.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw IdentityError.userNotFound(viewer.userId, 'viewer');
      if (input.language) user.language = input.language;
      const deliveries = { ...user.notificationDelivery };
      for (const choice of input.notifications ?? []) deliveries[choice.kind] = choice.delivery;
      user.notificationDelivery = deliveries;
      return manager.save(user);
    });
  }
}
