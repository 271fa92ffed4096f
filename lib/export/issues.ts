/**
 * What is wrong with a board file, said precisely enough to fix it: where (`notes[3]
 * (note_…).width`), what kind of problem (translated by the interface, lib/i18n/export.*.ts)
 * and a detail in English for people reading the API's answer.
 */
export const IMPORT_PROBLEMS = [
  'notJson',
  'notBoardFile',
  'newerVersion',
  'missing',
  'invalid',
  'unknownField',
  'duplicateId',
  'linkTarget',
  'tooMany',
  'tooLarge',
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

export interface ImportIssue {
  /** Where in the file: a path like `notes[3] (note_AbC…).relationship.stage`, or '' for the file. */
  readonly at: string;
  readonly problem: ImportProblem;
  readonly detail: string;
}

/** Past this many, the rest are counted rather than listed: one bad field per note is enough. */
export const MAX_REPORTED_ISSUES = 20;

/** Collects issues; the checkers call `add` and move on, so one pass reports many. */
export class IssueSink {
  readonly issues: ImportIssue[] = [];
  /** All issues found, including those past MAX_REPORTED_ISSUES. */
  count = 0;

  add(at: string, problem: ImportProblem, detail: string): void {
    this.count += 1;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ at, problem, detail });
  }
}

/** One issue as a line of English, for logs and the API's `error` text. */
export function describeIssue(issue: ImportIssue): string {
  return issue.at ? `${issue.at}: ${issue.detail}` : issue.detail;
}

export function isImportIssue(value: unknown): value is ImportIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { at, problem, detail } = value as Record<string, unknown>;
  return (
    typeof at === 'string' &&
    typeof detail === 'string' &&
    (IMPORT_PROBLEMS as readonly unknown[]).includes(problem)
  );
}
