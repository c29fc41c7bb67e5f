// Word lists for synthetic national data: place names made of two parts, kinds of organisation, the themes
// improvement plans commit to, milestone wording, KPI measures and reasons for re-dating. Invented for this
// purpose; any likeness to a real place is chance.

export const PLACE_STARTS = [
  'Ash', 'Bram', 'Cald', 'Dun', 'Elm', 'Fen', 'Gold', 'Hart', 'Ivy', 'Kings', 'Lang', 'Marl', 'Nor', 'Oak', 'Pen',
  'Red', 'Stan', 'Thorn', 'Wel', 'Whit', 'Bar', 'Cress', 'Heron', 'Lark', 'Wil', 'Ald', 'Brack', 'Roth',
] as const;

export const PLACE_ENDS = [
  'bourne', 'bridge', 'by', 'caster', 'combe', 'den', 'field', 'ford', 'ham', 'holme', 'ley', 'mouth', 'stead',
  'ton', 'wick', 'worth', 'mere', 'gate',
] as const;

export const ORGANISATION_KINDS = [
  'Borough Council', 'District Council', 'County Council', 'City Council', 'Local Enterprise Partnership', 'Combined Authority',
] as const;

export const COMMITMENT_THEMES = [
  'We will provide strong, stable and diverse leadership',
  'We will improve our governance and transparency',
  'We will strengthen financial management and value for money',
  'We will deliver our local economic strategy',
  'We will improve the quality of our housing services',
  'We will make decisions openly and publish them promptly',
  'We will engage residents and businesses in our priorities',
  'We will improve the skills of our workforce',
  'We will manage risk and assurance across the organisation',
  'We will improve the timeliness of planning decisions',
  'We will reduce our carbon emissions',
  'We will improve how we handle complaints',
  'We will modernise our digital services',
  'We will strengthen partnership working with neighbouring areas',
  'We will improve support for small businesses',
  'We will improve procurement and contract management',
  'We will improve the diversity of our board',
  'We will improve the condition of our roads and transport',
] as const;

export const MILESTONE_VERBS = ['Agree', 'Publish', 'Review', 'Consult on', 'Appoint', 'Complete', 'Launch', 'Report on', 'Refresh', 'Audit'] as const;

export const MILESTONE_OBJECTS = [
  'the assurance framework', 'the board terms of reference', 'the delivery plan', 'the register of interests', 'the annual report',
  'the skills strategy', 'the risk register', 'the scrutiny arrangements', 'the investment pipeline', 'the performance dashboard',
  'the communications plan', 'the equality action plan', 'the partnership agreement', 'the capital programme', 'the service review',
] as const;

export const KPI_MEASURES: readonly { text: string; unit: string; direction: 'higher' | 'lower' }[] = [
  { text: 'Share of board members who are women', unit: '%', direction: 'higher' },
  { text: 'Planning applications decided on time', unit: '%', direction: 'higher' },
  { text: 'Days to pay suppliers', unit: 'days', direction: 'lower' },
  { text: 'Residents satisfied with services', unit: '%', direction: 'higher' },
  { text: 'Apprenticeships started', unit: 'starts', direction: 'higher' },
  { text: 'Complaints upheld', unit: '%', direction: 'lower' },
  { text: 'Carbon emissions', unit: 'kt CO2e', direction: 'lower' },
  { text: 'Decisions published within 5 days', unit: '%', direction: 'higher' },
];

export const REDATE_REASONS = [
  'Waiting for the board to meet', 'Consultation extended', 'Staff vacancy', 'Dependency on a partner slipped',
  'Procurement took longer than planned', 'Scope widened after review',
] as const;

export const PROGRESS_OPENINGS = [
  'Work is progressing to plan.', 'Progress has slowed this quarter.', 'The key milestone for the quarter was met.',
  'A risk to delivery has been identified.', 'The board reviewed progress this quarter.', 'Good progress on the KPIs.',
] as const;

export const PROGRESS_DETAILS = [
  'The next steps are agreed with partners.', 'Resourcing remains a concern.', 'Evidence has been provided.',
  'A recovery plan is in place.', 'The timetable has been confirmed.', 'Further assurance has been requested.',
] as const;

export const FIRST_NAMES = ['Nadia', 'Owen', 'Priya', 'Tom', 'Grace', 'Samir', 'Hannah', 'Iain'] as const;
export const LAST_NAMES = ['National', 'Oakley', 'Patel', 'Reid', 'Shaw', 'Turner', 'Walsh', 'Young'] as const;
