/**
 * A kind of record whose changes the outbox carries. Each library defines the
 * topics of the records it owns; the relay (search) reads those it indexes.
 */
export type ChangeTopic = string & { readonly kind: 'change-topic' };

export function changeTopic(name: string): ChangeTopic {
  if (!/^[a-z][a-z-]*$/.test(name)) throw new Error(`a change topic is a lower-case word: ${name}`);
  return name as ChangeTopic;
}
