import { ArgsType } from '@nestjs/graphql';
import { PageArgs } from '#libs/core';

@ArgsType()
export class ProgramsArgs extends PageArgs {}
