// The audit trail as a hash chain. Each event stores the hash of the event before it (by `seq`, starting at 1)
// and its own hash: sha256 over that previous hash and the event's canonical content (every column but `id` and
// `hash`, in a fixed order, as JSON). Editing an event changes its hash; deleting or reordering events breaks the
// next event's link. Pure: no database here, so the same code writes and verifies.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers. `before`/`after` are the JSON text exactly as stored. */
export interface ChainedContent {
  seq: number;
  at: string;
  organisationId: number | null;
  organisationName: string | null;
  planId: number | null;
  userId: number | null;
  userName: string | null;
  userEmail: string | null;
  entity: string;
  entityId: number | null;
  action: string;
  before: string | null;
  after: string | null;
}

export interface ChainedEvent extends ChainedContent {
  id: number;
  prevHash: string;
  hash: string;
}

export function canonicalContent(c: ChainedContent): string {
  return JSON.stringify([
    c.seq, c.at, c.organisationId, c.organisationName, c.planId, c.userId, c.userName, c.userEmail,
    c.entity, c.entityId, c.action, c.before, c.after,
  ]);
}

export function eventHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalContent(content)).digest('hex');
}

export type ChainCheck =
  | { ok: true; events: number }
  | { ok: false; events: number; eventId: number; seq: number; problem: string };

/**
 * Walks the events in `seq` order and names the first one whose link is broken: a gap or repeat in the
 * sequence (events deleted or moved), a previous-hash that is not the previous event's hash (deleted or
 * reordered), or a hash that does not match its content (edited).
 */
export function checkChain(events: readonly ChainedEvent[]): ChainCheck {
  const ordered = [...events].sort((a, b) => a.seq - b.seq || a.id - b.id);
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  for (const [index, event] of ordered.entries()) {
    const broken = (problem: string): ChainCheck => ({ ok: false, events: ordered.length, eventId: event.id, seq: event.seq, problem });
    if (event.seq !== index + 1) {
      return broken(`its sequence number is ${event.seq} where ${index + 1} was expected (events deleted or moved)`);
    }
    if (event.prevHash !== prevHash) {
      return broken('it does not link to the event before it (an event before it was deleted, edited or reordered)');
    }
    if (eventHash(prevHash, event) !== event.hash) return broken('its content does not match its hash (it was edited)');
    if (event.id <= prevId) return broken('it is out of order (its id is lower than the event before it)');
    prevHash = event.hash;
    prevId = event.id;
  }
  return { ok: true, events: ordered.length };
}

/** The columns of an audit_events row holding `content`, chained after the event whose hash is `prevHash`. */
export function chainedRow(content: ChainedContent, prevHash: string) {
  return {
    seq: content.seq,
    organisation_id: content.organisationId,
    organisation_name: content.organisationName,
    plan_id: content.planId,
    user_id: content.userId,
    user_name: content.userName,
    user_email: content.userEmail,
    entity: content.entity,
    entity_id: content.entityId,
    action: content.action,
    before: content.before,
    after: content.after,
    at: content.at,
    prev_hash: prevHash,
    hash: eventHash(prevHash, content),
  };
}
