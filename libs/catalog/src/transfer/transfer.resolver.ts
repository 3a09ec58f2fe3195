import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Allow, CurrentViewer, RateLimit, type SignedInViewer } from '#libs/core';
import { ImportCatalogInput } from './dto/import-catalog.input.js';
import { ImportReportView } from './transfer.model.js';
import { TransferService } from './transfer.service.js';

@Resolver()
export class TransferResolver {
  constructor(private readonly transfer: TransferService) {}

  @Allow('coordinator', 'admin')
  @RateLimit('import')
  @Mutation(() => ImportReportView, {
    description: 'Imports a catalogue (shared NDJSON format): all-or-nothing unless partial.',
  })
  importCatalog(
    @Args('input') input: ImportCatalogInput,
    @Args('file', {
      type: () => GraphQLUpload,
      nullable: true,
      description: 'An uploaded .ndjson file instead of `ndjson` (multipart request).',
    })
    file: Promise<FileUpload> | null,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return this.transfer.importCatalog(input, file, viewer.userId);
  }

  @Allow('coordinator', 'admin')
  @Query(() => String, {
    description: 'The whole catalogue in the import format, confidential needs included (coordinators only).',
  })
  exportCatalog() {
    return this.transfer.exportCatalog();
  }
}
