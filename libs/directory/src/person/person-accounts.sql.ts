/**
 * The link between people and accounts as SQL fragments, for another
 * library's queries that must stay one statement (a list with its count, a
 * visibility rule inside a larger query). The person table's only face in SQL
 * outside the directory: the column names stay here.
 */
export const personAccountsSql = {
  /** The ids of the people of these accounts: `person_id IN (${peopleOf(':...ids')})`. */
  peopleOf: (accounts: string) => `SELECT person.id FROM person WHERE person.user_id IN (${accounts})`,
  /** The account of one person, null when they have none: `SELECT ${accountOf('x.person_id')}`. */
  accountOf: (personId: string) => `(SELECT person.user_id FROM person WHERE person.id = ${personId})`,
};
