import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  bilingual,
  byKeys,
  isUniqueViolation,
  paginate,
  recordAudit,
  recordChange,
  type Page,
  type RequestLoaders,
  type SignedInViewer,
} from '#libs/core';
import { CatalogError, CatalogErrorCode } from '../catalog-errors.js';
import type {
  CreateProgramInput,
  ProgramArgs,
  ProgramsArgs,
  UpdateProgramInput,
} from './dto/program.input.js';
import { Program } from './program.entity.js';
import { PROGRAM_CHANGES } from '../catalog-topics.js';

const snapshot = (program: Program) => ({
  code: program.code,
  name: { ...program.name },
  description: { ...program.description },
});

@Injectable()
export class ProgramService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(args: ProgramArgs): Promise<Program> {
    if (!args.id && !args.code) throw notFound('id', '(none given)');
    const program = await this.dataSource.manager.findOneBy(
      Program,
      args.id ? { id: args.id } : { code: args.code },
    );
    if (!program) throw notFound(args.id ? 'id' : 'code', args.id ?? args.code ?? '');
    return program;
  }

  list(args: ProgramsArgs): Promise<Page<Program>> {
    return paginate(this.dataSource.manager.createQueryBuilder(Program, 'program'), args);
  }

  /** Programs by code, per request: seeds list their program codes. */
  byCodeLoader(loaders: RequestLoaders) {
    return loaders.get<string, Program>('catalog.programByCode', async (codes) =>
      byKeys(
        codes,
        await this.dataSource.manager.findBy(Program, { code: In([...codes]) }),
        (program) => program.code,
      ),
    );
  }

  /** The codes among `codes` that name no program. */
  async unknownCodes(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const known = new Set(
      (await this.dataSource.manager.findBy(Program, { code: In(codes) })).map((program) => program.code),
    );
    return codes.filter((code) => !known.has(code));
  }

  async create(input: CreateProgramInput, actor: SignedInViewer): Promise<Program> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const program = await manager.save(
          manager.create(Program, {
            code: input.code,
            name: bilingual(input.name),
            description: bilingual(input.description ?? {}),
          }),
        );
        await recordAudit(manager, {
          actorUserId: actor.userId,
          entityType: 'program',
          entityId: program.id,
          action: 'created',
          before: null,
          after: snapshot(program),
        });
        await recordChange(manager, PROGRAM_CHANGES, [program.id]);
        return program;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new CatalogError(
          CatalogErrorCode.ProgramCodeTaken,
          {
            ja: `プログラムコード ${input.code} は既に使われています`,
            en: `Program code ${input.code} is already in use`,
          },
          [{ path: 'input.code', messages: ['already in use'] }],
        );
      }
      throw error;
    }
  }

  async update(input: UpdateProgramInput, actor: SignedInViewer): Promise<Program> {
    return this.dataSource.transaction(async (manager) => {
      const program = await manager.findOne(Program, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!program) throw notFound('input.id', input.id);
      if (program.version !== input.version) throw CatalogError.staleVersion(program.version);
      const before = snapshot(program);
      if (input.name) program.name = bilingual(input.name);
      if (input.description) program.description = bilingual(input.description);
      const saved = await manager.save(program);
      await recordAudit(manager, {
        actorUserId: actor.userId,
        entityType: 'program',
        entityId: program.id,
        action: 'updated',
        before,
        after: snapshot(saved),
      });
      await recordChange(manager, PROGRAM_CHANGES, [program.id]);
      return saved;
    });
  }
}

function notFound(path: string, value: string) {
  return new CatalogError(
    CatalogErrorCode.ProgramNotFound,
    { ja: `プログラムが見つかりません: ${value}`, en: `No program ${value}` },
    [{ path, messages: ['no such program'] }],
  );
}
