export { Allow, ALLOW_METADATA } from './access/allow.decorator.js';
export { AccessGuard, checkAudience } from './access/access.guard.js';
export { AuditEntry, type FieldChanges } from './audit/audit-entry.entity.js';
export { diffFields, recordAudit, type AuditedChange } from './audit/audit-log.js';
export {
  ANONYMOUS,
  audiencesOf,
  isStaff,
  ROLES,
  type AffiliationStatus,
  type Audience,
  type Role,
  type SignedInViewer,
  type Viewer,
} from './access/viewer.js';
export {
  AppConfig,
  ConfigValidationError,
  loadConfig,
  parseConfig,
  PASSWORD_MIN_LENGTH,
} from './config/app-config.js';
export { CoreModule, type CoreModuleOptions } from './core.module.js';
export {
  dataSourceOptions,
  type DatabaseSettings,
  type EntityList,
  type MigrationList,
} from './database/data-source-options.js';
export { EmbeddedPostgres, EmbeddedPostgresInUseError, findFreePort } from './database/embedded-postgres.js';
export { SnakeNamingStrategy } from './database/snake-naming.strategy.js';
export { isUniqueViolation } from './database/unique-violation.js';
export { advisoryLock } from './database/advisory-lock.js';
export {
  CoreError,
  CoreErrorCode,
  DomainError,
  ErrorKind,
  type FieldProblem,
  type LocalizedMessage,
} from './errors/domain-error.js';
export { graphqlCode, toGraphQLError } from './errors/graphql-errors.js';
export {
  bilingual,
  BilingualText,
  BilingualTextInputOf,
  DescriptionInput,
  NameInput,
  NestedInput,
} from './graphql/bilingual-text.js';
export {
  byKeys,
  CurrentViewer,
  Loaders,
  RequestLoaders,
  type RequestContext,
} from './graphql/request-context.js';
export { HealthService, type HealthCheck, type HealthReport } from './health/health.service.js';
export {
  configureLogger,
  JsonLogger,
  logger,
  currentRequestId,
  queriesIssued,
  runWithRequestId,
} from './logging/logger.js';
export { requestIdMiddleware } from './logging/request-id.middleware.js';
export { projectRoot } from './project-root.js';
export { unsafeTextProblem } from './text/unsafe-text.js';
export {
  IsTaxonomyCode,
  isTaxonomyCode,
  taxonomy,
  taxonomyLabel,
  type TaxonomyEntry,
  type TaxonomyList,
} from './taxonomy/taxonomy.js';
export { addBusinessDays, isBusinessDay, tokyoDay } from './calendar/business-days.js';
export { Connection, PageArgs, PageInfo, paginate, type Page } from './graphql/connection.js';
export { IdArg, UuidArgPipe } from './graphql/id-arg.js';
export { RecordKeyArgs, recordKey } from './graphql/record-key.args.js';
export { RecordVersionInput } from './graphql/record-version.input.js';
export { OutboxChange } from './outbox/outbox-change.entity.js';
export { changeTopic, type ChangeTopic } from './outbox/change-topic.js';
export { recordChange } from './outbox/record-change.js';
export {
  conditionToSql,
  EVERYTHING,
  idsAsAttribute,
  idsMeeting,
  meetsCondition,
  NOTHING,
  type AccessCondition,
  type AttributeSql,
  type RecordAttributes,
} from './access/access-condition.js';
export { AccessService, type AccessPolicy, type AccessRequest } from './access/access.service.js';
export {
  catalogueKeyOf,
  findByCatalogueKeys,
  insertReturningIds,
  type CatalogueKeyed,
} from './records/catalogue-rows.js';
export {
  VersionedRecord,
  WithAuthor,
  WithExternalId,
  type MixinBase,
} from './records/versioned-record.entity.js';
export {
  patchRecord,
  uniqueOr,
  VersionedWriter,
  type PatchOptions,
  type RecordKind,
  type VersionedChange,
} from './records/versioned-writer.js';
export { RateLimit, RATE_LIMIT_CLASSES, type RateLimitClass } from './rate-limit/rate-limit.decorator.js';
export { EmailMessage } from './mail/email-message.entity.js';
export { Language } from './mail/language.js';
export {
  escapeHtml,
  renderEmail,
  PRODUCT_NAME,
  type EmailContent,
  type RenderedEmail,
} from './mail/render-email.js';
export { emailDraft, queueEmails, recentEmailCount, type EmailDraft } from './mail/email-outbox.js';
export { EmailSenderService } from './mail/email-sender.service.js';
export { MailSendingModule } from './mail/mail-sending.module.js';
export {
  PersonalDataService,
  type ClosingAccount,
  type DataOwner,
  type PersonalDataContributor,
} from './personal-data/personal-data.service.js';
export { scrubAuditOf } from './personal-data/core-personal-data.js';
export { ERASED, scrubChanges } from './personal-data/scrub-changes.js';
