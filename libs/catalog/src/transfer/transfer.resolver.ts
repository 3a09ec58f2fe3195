import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Allow, CoreError, CurrentViewer, type SignedInViewer } from '#libs/core';
import { exportCatalog } from './catalog-export.js';
import { CatalogImporter, type ImportReport } from './catalog-importer.js';
import { ImportCatalogInput, ImportReportView } from './transfer.model.js';

const toView = (report: ImportReport): ImportReportView => ({
  ...report,
  problems: report.problems.map((problem) => ({
    line: problem.lineNumber,
    key: problem.key ?? null,
    reason: problem.reason,
  })),
});

@Resolver()
export class TransferResolver {
  constructor(
    private readonly importer: CatalogImporter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Allow('coordinator', 'admin')
  @Mutation(() => ImportReportView, {
    description: 'Imports a catalogue (shared NDJSON format): all-or-nothing unless partial.',
  })
  async importCatalog(
    @Args('input') input: ImportCatalogInput,
    @Args('file', {
      type: () => GraphQLUpload,
      nullable: true,
      description: 'An uploaded .ndjson file instead of `ndjson` (multipart request).',
    })
    file: Promise<FileUpload> | null,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    const upload = file ? await file : null;
    if (Boolean(upload) === (input.ndjson !== undefined && input.ndjson !== null)) {
      throw CoreError.invalidInput([
        {
          path: 'input.ndjson',
          messages: ['give the catalogue either as input.ndjson or as an uploaded file, not both'],
        },
      ]);
    }
    // an upload is buffered to disk by graphql-upload, so it can be read once per pass
    const open = upload ? () => upload.createReadStream() : () => [input.ndjson as string];
    return toView(
      await this.importer.run(open, {
        partial: input.partial,
        dryRun: input.dryRun,
        actorUserId: viewer.userId,
      }),
    );
  }

  @Allow('coordinator', 'admin')
  @Query(() => String, {
    description: 'The whole catalogue in the import format, confidential needs included (coordinators only).',
  })
  async exportCatalog() {
    let text = '';
    for await (const line of exportCatalog(this.dataSource.manager)) text += `${line}\n`;
    return text;
  }
}
