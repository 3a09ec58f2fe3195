import { Module } from '@nestjs/common';
import { CatalogModule } from '#libs/catalog';
import { CandidateService } from './candidate.service.js';
import { CandidateResolver } from './graphql/candidate.resolver.js';

/** Matching: explained candidates for needs (the proposal pipeline joins next). Needs the search engine (SearchModule, global). */
@Module({
  imports: [CatalogModule],
  providers: [CandidateService, CandidateResolver],
  exports: [CandidateService],
})
export class MatchingModule {}
