// A UTF-16 high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// C0 controls other than tab, line feed and carriage return; DEL and the C1 controls.
// (U+0000 in particular cannot be stored in a PostgreSQL text column.)
// \p{Cc} is exactly U+0000–U+001F and U+007F–U+009F.
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;

/**
 * The one rule for text from outside (GraphQL arguments, catalogue imports): what is wrong
 * with it, or undefined when it may be stored. Tab, line feed and carriage return are allowed.
 */
export function unsafeTextProblem(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate';
  if (CONTROL_CHARACTER.test(text)) return 'contains a control character';
  return undefined;
}
