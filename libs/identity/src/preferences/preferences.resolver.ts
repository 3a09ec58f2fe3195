import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer, type Viewer } from '#libs/core';
import { User } from '../account/user.entity.js';
import { UpdatePreferencesInput } from './dto/update-preferences.input.js';
import { Preferences } from './preferences.model.js';
import { PreferencesService } from './preferences.service.js';

@Resolver(() => User)
export class PreferencesResolver {
  constructor(private readonly settings: PreferencesService) {}

  @Allow('signed-in')
  @Mutation(() => User, { description: 'Changes your own preferences; returns your account.' })
  updatePreferences(@Args('input') input: UpdatePreferencesInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.settings.update(input, viewer);
  }

  @ResolveField(() => Preferences, {
    nullable: true,
    description: 'Your own preferences (me); null on anyone else’s account.',
  })
  preferences(@Parent() user: User, @CurrentViewer() viewer: Viewer): Preferences | null {
    return viewer.kind === 'user' && viewer.userId === user.id ? this.settings.of(user) : null;
  }
}
