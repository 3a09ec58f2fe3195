import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BilingualText, Connection } from '#libs/core';
import { Invitation } from './invitation.entity.js';

export enum InvitationStatus {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  EXPIRED = 'expired',
  REVOKED = 'revoked',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Pending until accepted, revoked (or replaced by a newer one) or expired.',
});

/** Where an invitation stands now. */
export function statusOf(invitation: Invitation, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return InvitationStatus.ACCEPTED;
  if (invitation.revokedAt) return InvitationStatus.REVOKED;
  if (invitation.expiresAt <= now) return InvitationStatus.EXPIRED;
  return InvitationStatus.PENDING;
}

export const InvitationConnection = Connection(Invitation, 'Invitation');

@ObjectType({
  description:
    'The answer to every well-formed invitation, whether or not the address already has an account: ' +
    'what happens next is in the e-mail sent to it.',
})
export class InvitationReceipt {
  @Field({ description: 'The address invited, as it was normalized.' })
  email: string;

  @Field(() => BilingualText)
  message: BilingualText;
}
