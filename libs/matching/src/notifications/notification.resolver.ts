import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { Allow, Connection, CurrentViewer, PageArgs, type SignedInViewer } from '#libs/core';
import { Notification } from './notification.entity.js';
import { NotificationService } from './notification.service.js';

const NotificationConnection = Connection(Notification, 'Notification');

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}

@ArgsType()
class MarkReadArgs {
  @Field(() => [ID])
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids: string[];
}

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
  markNotificationsRead(@Args() args: MarkReadArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.inbox.markRead(args.ids, viewer);
  }
}
