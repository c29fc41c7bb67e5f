// Table shapes for Kysely. Dates are ISO "YYYY-MM-DD" text; timestamps are ISO-8601 text (UTC).
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  archived_at: Generated<string | null>;
  /** 1: members sign in with single sign-on only, not with a password. */
  sso_only: Generated<number>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  /** Empty for someone who only signs in with single sign-on. */
  password_hash: string;
  created_at: string;
  /** Set while the user is disabled: they cannot sign in, their history stays. */
  disabled_at: Generated<string | null>;
  /** 1: a service-wide admin (docs/authorisation.md). */
  service_admin: Generated<number>;
}

export interface MembershipsTable {
  user_id: number;
  organisation_id: number;
  role: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** The browser's own description of itself, to tell sessions apart on the account page. */
  user_agent: Generated<string | null>;
}

export interface InvitationsTable {
  id: Generated<number>;
  organisation_id: number;
  email: string;
  role: string;
  /** sha256 of the token in the e-mailed link. */
  token_hash: string;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  id: Generated<number>;
  user_id: number;
  /** sha256 of the token in the e-mailed link. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SsoRequestsTable {
  /** sha256 of the OpenID Connect `state`, which the browser carries to the provider and back. */
  state_hash: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: string;
}

export interface PlansTable {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  period_from: string | null;
  period_to: string | null;
  status: string;
  review_cadence: string;
  fy_start_month: number;
  rag_scheme: string;
  source_name: string | null;
  published: number;
  created_at: string;
  updated_at: string;
}

export interface CommitmentsTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  position: number;
  title: string;
  summary: string;
  lead_user_id: number | null;
}

export interface KpisTable {
  id: Generated<number>;
  commitment_id: number;
  position: number;
  text: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  target_date: string | null;
  direction: string;
}

export interface KpiReadingsTable {
  id: Generated<number>;
  kpi_id: number;
  date: string;
  value: number;
  note: string | null;
  source: string | null;
}

export interface MilestonesTable {
  id: Generated<number>;
  commitment_id: number;
  position: number;
  text: string;
  due_from: string | null;
  due_to: string | null;
  baseline_from: string | null;
  baseline_to: string | null;
  recurrence: string | null;
  status: string;
  done_on: string | null;
}

export interface MilestoneRedatesTable {
  id: Generated<number>;
  milestone_id: number;
  old_from: string | null;
  old_to: string | null;
  new_from: string | null;
  new_to: string | null;
  reason: string;
  changed_by: number | null;
  changed_at: string;
}

export interface MonitoringItemsTable {
  id: Generated<number>;
  commitment_id: number;
  position: number;
  text: string;
}

export interface EvidenceTable {
  id: Generated<number>;
  monitoring_item_id: number | null;
  milestone_id: number | null;
  date: string;
  note: string | null;
  link: string | null;
  file_path: string | null;
  created_by: number | null;
  created_at: string;
}

export interface ReviewPeriodsTable {
  id: Generated<number>;
  plan_id: number;
  label: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
  status: string;
  signed_off_at: string | null;
  signed_off_by: number | null;
}

export interface ProgressUpdatesTable {
  id: Generated<number>;
  commitment_id: number;
  review_period_id: number | null;
  version: number;
  rag: string | null;
  narrative: string;
  kpi_refs: string;
  response: string | null;
  state: string;
  correction_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  suggested_rag: string | null;
  /** JSON array of strings. */
  suggested_reasons: string | null;
  rag_override_reason: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  response_at: string | null;
  response_by: number | null;
  signed_off_at: string | null;
  signed_off_by: number | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  /** Position in the hash chain, from 1 (see audit-chain.ts). */
  seq: number;
  organisation_id: number | null;
  organisation_name: string | null;
  plan_id: number | null;
  user_id: number | null;
  user_name: string | null;
  user_email: string | null;
  entity: string;
  entity_id: number | null;
  action: string;
  before: string | null;
  after: string | null;
  at: string;
  prev_hash: string;
  hash: string;
}

export interface SignInLockoutsTable {
  email: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface RateLimitCountersTable {
  key: string;
  hits: number;
  resets_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  organisation_id: number;
  name: string;
  role: string;
  /** sha256 of the token: the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** One row (id 1): raised by triggers on every versioned write (store/content-version.ts). */
export interface ContentVersionTable {
  id: number;
  /** bigint: PostgreSQL's driver returns it as a string. */
  version: number | string;
}

export interface Database {
  content_version: ContentVersionTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  plans: PlansTable;
  commitments: CommitmentsTable;
  kpis: KpisTable;
  kpi_readings: KpiReadingsTable;
  milestones: MilestonesTable;
  milestone_redates: MilestoneRedatesTable;
  monitoring_items: MonitoringItemsTable;
  evidence: EvidenceTable;
  review_periods: ReviewPeriodsTable;
  progress_updates: ProgressUpdatesTable;
  audit_events: AuditEventsTable;
  sign_in_lockouts: SignInLockoutsTable;
  rate_limit_counters: RateLimitCountersTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  sso_requests: SsoRequestsTable;
}

export type UserRow = Selectable<UsersTable>;
export type PlanRow = Selectable<PlansTable>;
export type NewPlan = Insertable<PlansTable>;
export type PlanUpdate = Updateable<PlansTable>;
