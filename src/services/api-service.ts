// The service behind the JSON API: what it reads and what it changes, made with the shared context.
import type { ServiceContext } from './context.ts';
import { apiReads } from './api-reads.ts';
import { apiWrites } from './api-writes.ts';

export function apiService(ctx: ServiceContext) {
  return { reads: apiReads(ctx), writes: apiWrites(ctx) };
}

export type ApiService = ReturnType<typeof apiService>;
export { ApiNotFoundError } from './api-reads.ts';
export type * from './api-reads.ts';
export type { ApiChecked, MilestoneChange, ReadingInput, EvidenceInput, UpdateInput } from './api-writes.ts';
