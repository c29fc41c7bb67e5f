// Date rules of the domain: calendar arithmetic, financial years, reading dates as people write them,
// and inferring a plan's period.
export {
  MONTH_NAMES,
  WEEKDAY_NAMES,
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatLong,
  isIsoDate,
  isLeapYear,
  isValidYmd,
  lastOfMonth,
  parseIso,
  toIso,
  tryIso,
  weekdayOf,
  type Ymd,
} from './calendar.ts';
export {
  DEFAULT_FY_START_MONTH,
  financialYearLabel,
  financialYearOf,
  financialYearPart,
  financialYearWindow,
  parseFinancialYearTitle,
  quarterWindow,
} from './financial-year.ts';
export { readDatePhrase, type DateContext, type DateMatch, type DateReading } from './phrase-reader.ts';
export { inferPlanPeriod, type PlanPeriodInput } from './plan-period.ts';
export { readRecurrence } from './recurrence.ts';
