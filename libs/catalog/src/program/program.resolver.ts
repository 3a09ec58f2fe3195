import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { CreateProgramInput } from './dto/create-program.input.js';
import { ProgramArgs } from './dto/program.args.js';
import { ProgramsArgs } from './dto/programs.args.js';
import { UpdateProgramInput } from './dto/update-program.input.js';
import { Program } from './program.entity.js';
import { ProgramService } from './program.service.js';
import { ProgramConnection } from './program.model.js';

@Resolver(() => Program)
export class ProgramResolver {
  constructor(private readonly programService: ProgramService) {}

  @Allow('anyone')
  @Query(() => Program, { description: 'A program by id or by code.' })
  program(@Args() args: ProgramArgs) {
    return this.programService.get(args);
  }

  @Allow('anyone')
  @Query(() => ProgramConnection)
  programs(@Args() args: ProgramsArgs) {
    return this.programService.list(args);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Program)
  createProgram(@Args('input') input: CreateProgramInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.programService.create(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Program)
  updateProgram(@Args('input') input: UpdateProgramInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.programService.update(input, viewer);
  }
}
