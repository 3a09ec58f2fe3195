import { registerEnumType } from '@nestjs/graphql';

export enum EventKind {
  /** 研究交流会 */
  EXCHANGE_MEETING = 'exchange-meeting',
  /** 研究発表会 */
  RESEARCH_PRESENTATION = 'research-presentation',
  SEMINAR = 'seminar',
  REGIONAL_REPORT = 'regional-report',
  /** 研究会 */
  STUDY_GROUP = 'study-group',
  SUMMIT = 'summit',
}
registerEnumType(EventKind, {
  name: 'EventKind',
  description: '研究交流会, 研究発表会, seminar, regional report, 研究会, the high-school bio summit.',
});
