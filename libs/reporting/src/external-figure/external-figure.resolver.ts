import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { ExternalFiguresArgs } from './dto/external-figures.args.js';
import { RecordExternalFigureInput } from './dto/record-external-figure.input.js';
import { ExternalFigure } from './external-figure.entity.js';
import { ExternalFigureService } from './external-figure.service.js';

@Resolver(() => ExternalFigure)
export class ExternalFigureResolver {
  constructor(private readonly figures: ExternalFigureService) {}

  @Allow('coordinator', 'admin')
  @Query(() => [ExternalFigure], {
    description: 'A program’s external figures, corrected ones included (supersedesId links a correction).',
  })
  externalFigures(@Args() args: ExternalFiguresArgs) {
    return this.figures.list(args);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => ExternalFigure, {
    description:
      'Enters a figure from outside Kyoso with its date and source; with supersedesId, a correction that replaces the old one in the totals (both kept).',
  })
  recordExternalFigure(
    @Args('input') input: RecordExternalFigureInput,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return this.figures.record(input, viewer);
  }
}
