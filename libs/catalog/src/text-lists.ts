/** A list of codes or words as stored: trimmed, blanks dropped, each once, in the order given. */
export const cleanList = (values: string[] | undefined): string[] => [
  ...new Set((values ?? []).map((value) => value.trim()).filter(Boolean)),
];
