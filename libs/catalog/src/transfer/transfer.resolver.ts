import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { exportCatalog } from './catalog-export.js';
import { CatalogImporter, type ImportReport } from './catalog-importer.js';
import { ImportCatalogInput, ImportReportView } from './transfer.model.js';

const toView = (report: ImportReport): ImportReportView => ({
  ...report,
  problems: report.problems.map((problem) => ({ line: problem.lineNumber, key: problem.key ?? null, reason: problem.reason })),
});

@Resolver()
export class TransferResolver {
  constructor(
    private readonly importer: CatalogImporter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Allow('coordinator', 'admin')
  @Mutation(() => ImportReportView, { description: 'Imports a catalogue (shared NDJSON format): all-or-nothing unless partial.' })
  async importCatalog(@Args('input') input: ImportCatalogInput, @CurrentViewer() viewer: SignedInViewer) {
    const report = await this.importer.run(() => [input.ndjson], { partial: input.partial, dryRun: input.dryRun, actorUserId: viewer.userId });
    return toView(report);
  }

  @Allow('coordinator', 'admin')
  @Query(() => String, { description: 'The whole catalogue in the import format, confidential needs included (coordinators only).' })
  async exportCatalog() {
    let text = '';
    for await (const line of exportCatalog(this.dataSource.manager)) text += `${line}\n`;
    return text;
  }
}
