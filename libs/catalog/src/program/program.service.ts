import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  bilingual,
  byKeys,
  paginate,
  patchRecord,
  uniqueOr,
  VersionedWriter,
  type Page,
  type RequestLoaders,
  type SignedInViewer,
} from '#libs/core';
import { CatalogError } from '../catalog.errors.js';
import { PROGRAM_CHANGES } from '../catalog.topics.js';
import type { CreateProgramInput } from './dto/create-program.input.js';
import type { ProgramArgs } from './dto/program.args.js';
import type { ProgramsArgs } from './dto/programs.args.js';
import type { UpdateProgramInput } from './dto/update-program.input.js';
import { Program } from './program.entity.js';

const programWriter = new VersionedWriter<Program>({
  entity: Program,
  auditType: 'program',
  topic: PROGRAM_CHANGES,
  snapshot: (program) => ({
    code: program.code,
    name: { ...program.name },
    description: { ...program.description },
  }),
  notFound: (id) => CatalogError.programNotFound(id, 'input.id'),
});

/** Programs: read by anyone, written by coordinators; each change audited in its transaction. */
@Injectable()
export class ProgramService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(args: ProgramArgs): Promise<Program> {
    if (!args.id && !args.code) throw CatalogError.programNotFound('(none given)');
    const program = await this.dataSource.manager.findOneBy(
      Program,
      args.id ? { id: args.id } : { code: args.code },
    );
    if (!program) throw CatalogError.programNotFound(args.id ?? args.code ?? '', args.id ? 'id' : 'code');
    return program;
  }

  list(args: ProgramsArgs): Promise<Page<Program>> {
    return paginate(this.dataSource.manager.createQueryBuilder(Program, 'program'), args);
  }

  /** The programs a seed or need names, per request (codes naming no program are left out). */
  async byCodes(loaders: RequestLoaders, codes: string[]): Promise<Program[]> {
    const programs = await this.byCodeLoader(loaders).loadMany(codes);
    return programs.filter((program): program is Program => program instanceof Program);
  }

  /** Refuses program codes (of a seed or need being written) that name no program. */
  async assertKnown(codes: string[], path = 'input.programCodes'): Promise<void> {
    if (codes.length === 0) return;
    const known = new Set(
      (await this.dataSource.manager.findBy(Program, { code: In(codes) })).map((program) => program.code),
    );
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length) throw CatalogError.unknownReference(path, 'program', unknown.join(', '));
  }

  create(input: CreateProgramInput, actor: SignedInViewer): Promise<Program> {
    return uniqueOr(
      () =>
        this.dataSource.transaction((manager) =>
          programWriter.create(
            manager,
            manager.create(Program, {
              code: input.code,
              name: bilingual(input.name),
              description: bilingual(input.description ?? {}),
            }),
            actor.userId,
          ),
        ),
      () => CatalogError.programCodeTaken(input.code),
    );
  }

  update(input: UpdateProgramInput, actor: SignedInViewer): Promise<Program> {
    return this.dataSource.transaction((manager) =>
      programWriter.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: actor.userId,
        action: 'updated',
        edit: (program) =>
          patchRecord(program, input, { transforms: { name: bilingual, description: bilingual } }),
      }),
    );
  }

  private byCodeLoader(loaders: RequestLoaders) {
    return loaders.get<string, Program>('catalog.programByCode', async (codes) =>
      byKeys(
        codes,
        await this.dataSource.manager.findBy(Program, { code: In([...codes]) }),
        (program) => program.code,
      ),
    );
  }
}
