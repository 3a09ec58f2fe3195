/**
 * The NDA both sides click through before confidential details are shared.
 * A new text gets a new version; acceptances record the version accepted.
 */
export const NDA_TEXT = {
  version: '2026-11',
  ja: '本提案に関して相手方から開示される技術情報・事業情報は秘密として扱い、共同研究・事業化の検討以外の目的に使用せず、第三者に開示しません。この義務は開示から3年間続きます。',
  en: 'Technical and business information the other party discloses about this proposal is confidential: it is used only to consider joint research or commercialization and is not disclosed to third parties. This obligation lasts three years from disclosure.',
} as const;
