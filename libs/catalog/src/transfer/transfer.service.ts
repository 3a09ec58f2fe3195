import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { DataSource } from 'typeorm';
import { CoreError } from '#libs/core';
import { OrganizationService, PersonService } from '#libs/directory';
import { exportCatalog } from './catalog-export.js';
import { CatalogImportService, type ImportReport } from './catalog-import.service.js';
import type { ImportCatalogInput } from './dto/import-catalog.input.js';
import type { ImportReportView } from './transfer.model.js';

const toView = (report: ImportReport): ImportReportView => ({
  ...report,
  problems: report.problems.map((problem) => ({
    line: problem.lineNumber,
    key: problem.key ?? null,
    reason: problem.reason,
  })),
});

/** The catalogue in and out over GraphQL, in the shared NDJSON format. */
@Injectable()
export class TransferService {
  constructor(
    private readonly importer: CatalogImportService,
    private readonly organizations: OrganizationService,
    private readonly people: PersonService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Imports the catalogue given either as `input.ndjson` or as an uploaded file, never both. */
  async importCatalog(
    input: ImportCatalogInput,
    file: Promise<FileUpload> | null,
    actorUserId: string,
  ): Promise<ImportReportView> {
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
    const report = await this.importer.run(open, {
      partial: input.partial,
      dryRun: input.dryRun,
      actorUserId,
    });
    return toView(report);
  }

  /** The whole catalogue as one NDJSON text, confidential needs included. */
  async exportCatalog(): Promise<string> {
    let text = '';
    for await (const line of this.exportLines()) text += `${line}\n`;
    return text;
  }

  /** The catalogue's NDJSON lines: the directory's records read through its services. */
  async *exportLines(): AsyncGenerator<string> {
    const directory = { organizations: await this.organizations.all(), people: await this.people.all() };
    yield* exportCatalog(this.dataSource.manager, directory);
  }
}
