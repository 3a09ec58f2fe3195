import { Connection } from '#libs/core';
import { Notification } from './notification.entity.js';

/** A page of the viewer's notifications (NotificationConnection). */
export const NotificationConnection = Connection(Notification, 'Notification');
