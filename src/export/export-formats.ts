// The formats a plan exports to. A module of its own so that `tracker`'s option help can name them without
// loading the exports themselves.
export const EXPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'csv', 'json', 'ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
