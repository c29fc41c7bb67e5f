// Records are plain data, defined in the domain; the repositories return them.
export type * from '../domain/records.ts';
