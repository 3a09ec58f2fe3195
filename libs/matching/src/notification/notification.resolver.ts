import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { MarkNotificationsReadArgs } from './dto/mark-notifications-read.args.js';
import { NotificationsArgs } from './dto/notifications.args.js';
import { Notification } from './notification.entity.js';
import { NotificationConnection } from './notification.model.js';
import { NotificationService } from './notification.service.js';

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly inbox: NotificationService) {}

  @Allow('signed-in')
  @Query(() => NotificationConnection, { description: 'The viewer’s notifications, oldest first.' })
  notifications(@Args() args: NotificationsArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.inbox.list(viewer, args);
  }

  @Allow('signed-in')
  @Query(() => Int)
  unreadNotificationCount(@CurrentViewer() viewer: SignedInViewer) {
    return this.inbox.unreadCount(viewer);
  }

  @Allow('signed-in')
  @Mutation(() => Int, {
    description: 'Marks the viewer’s notifications read; returns how many changed (others’ ids are ignored).',
  })
  markNotificationsRead(@Args() args: MarkNotificationsReadArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.inbox.markRead(args.ids, viewer);
  }
}
