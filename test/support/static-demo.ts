// A static seed for web and browser tests: the demo organisations, one account per role and the demo plan exactly as
// written (Kestrel Vale Council, financial year 2024/25, nothing tracked yet). Unlike the living demo it never moves
// with the calendar, so what a test expects stays true whatever the date.
import type { Store } from '../../src/store/database.ts';
import { createDemoBase, type DemoResult } from '../../src/services/demo.ts';
import { ensureReviewPeriods } from '../../src/services/reviews/index.ts';

/** The demo plan's title, as imported. */
export const STATIC_DEMO_TITLE = 'Kestrel Vale Council improvement plan 2024/25';

/** What {@link seedStaticDemo} returns: the demo's result, with the plan's id always set. */
export type StaticDemo = DemoResult & { planId: number };

export interface StaticDemoOptions {
  /**
   * Also store the plan's four quarterly review periods, as importing a plan through the app does. Off by default:
   * the demo base stores none, and a reviewer sets them up.
   */
  reviewPeriods?: boolean;
}

/** Seeds `store` (migrated, with no organisations) with the demo as written; `planId` is the demo plan's id. */
export async function seedStaticDemo(store: Store, options: StaticDemoOptions = {}): Promise<StaticDemo> {
  const result = await createDemoBase(store);
  if (result.planId === null) throw new Error(`the static demo seed has no plan: ${result.notes.join('; ')}`);
  if (options.reviewPeriods) await ensureReviewPeriods(store.db, result.planId);
  return { ...result, planId: result.planId };
}
