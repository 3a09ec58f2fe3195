import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, isStaff, type SignedInViewer, type Viewer } from '#libs/core';
import { Person, PersonService, UpdateMyProfileInput } from '#libs/directory';
import { AccountService } from './account.service.js';
import { User } from './user.entity.js';

/** A researcher's own directory profile, reached through their account. */
@Resolver(() => User)
export class ProfileResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly people: PersonService,
  ) {}

  @Allow('researcher')
  @Mutation(() => Person, {
    description: 'Edits your own researcher profile (made on first use); never anyone else’s.',
  })
  updateMyProfile(@Args('input') input: UpdateMyProfileInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.accounts.updateMyProfile(input, viewer);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The directory profile of the account: for the account itself and coordinators.',
  })
  person(@Parent() user: User, @CurrentViewer() viewer: Viewer): Promise<Person | null> | null {
    const mine = viewer.kind === 'user' && viewer.userId === user.id;
    return mine || isStaff(viewer) ? this.people.findForUser(user.id) : null;
  }
}
