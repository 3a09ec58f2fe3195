/** Drops graphql-js's "Did you mean …?" hints from an error message: they name the schema's fields and types. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, '').trim();
}
