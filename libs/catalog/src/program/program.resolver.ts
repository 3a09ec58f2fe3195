import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Connection, CurrentViewer, type SignedInViewer } from '#libs/core';
import { CreateProgramInput, ProgramArgs, ProgramsArgs, UpdateProgramInput } from './dto/program.input.js';
import { Program } from './program.entity.js';
import { ProgramService } from './program.service.js';

const ProgramConnection = Connection(Program, 'Program');

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
