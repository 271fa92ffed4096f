import type { z } from 'zod';
import { createTranslator, type MessageParams, type Translate } from '../i18n/translate';

/**
 * What is wrong with a board file, said precisely enough to fix it: where (`notes[3]
 * (note_…).width`), what kind of problem, and as data the rest of what a person needs: the
 * value found, what a valid value is and its bounds. Each locale words these
 * (`import.problem.*` and `import.expected.*` in lib/i18n/export.*.ts), so a Spanish page
 * shows no English; `detail` is the English wording, for people reading the API's answer.
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

/** What a valid value is (or, for `tooMany`, the bound), named by a code each locale words. */
export const IMPORT_EXPECTATIONS = [
  'object',
  'list',
  'noteIds',
  'links',
  'number',
  'wholeNumber',
  'text',
  'boolean',
  'block',
  'color',
  'noteId',
  'commentId',
  'label',
  'size',
  'onCanvas',
  'shortText',
  'shortTextOrNull',
  'commentText',
  'nullUnlessResolved',
  'richText',
  'nodeType',
  'markType',
  'safeLink',
  'nonEmptyText',
  'attrName',
  'attrValue',
  'maxLinks',
  'maxNotes',
  'maxComments',
  'maxNodes',
  'maxChars',
  'maxDepth',
  'maxAttrs',
] as const;
export type ImportExpectation = (typeof IMPORT_EXPECTATIONS)[number];

/** The facts of an issue, as placeholders of its messages. */
export interface IssueParams {
  /** The value found, as JSON, shortened to VALUE_PREVIEW_LENGTH characters. */
  readonly value?: string;
  readonly min?: number;
  readonly max?: number;
}

export interface ImportIssue {
  /** Where in the file: a path like `notes[3] (note_AbC…).relationship.stage`, or '' for the file. */
  readonly at: string;
  readonly problem: ImportProblem;
  /** What a valid value is, when the problem alone does not say. */
  readonly expected?: ImportExpectation;
  readonly params: IssueParams;
  /** The issue in English (as the English interface words it), for logs and API readers. */
  readonly detail: string;
}

/** What a checker knows of a problem; `value` is the raw value found. */
export interface IssueFacts {
  readonly expected?: ImportExpectation;
  readonly value?: unknown;
  readonly min?: number;
  readonly max?: number;
}

/** Past this many, the rest are counted rather than listed: one bad field per note is enough. */
export const MAX_REPORTED_ISSUES = 20;
/** A value is shown to recognise it, not in full: a bad note text could be thousands long. */
const VALUE_PREVIEW_LENGTH = 60;

function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > VALUE_PREVIEW_LENGTH ? `${json.slice(0, VALUE_PREVIEW_LENGTH - 1)}…` : json;
}

const english = createTranslator('en');

/** One issue in the language of `t`: the problem's sentence, with what a valid value is. */
export function issueMessage(
  issue: Pick<ImportIssue, 'at' | 'problem' | 'expected' | 'params'>,
  t: Translate,
): string {
  const params: Record<string, string | number> = { at: issue.at };
  for (const [key, value] of Object.entries(issue.params))
    if (value !== undefined) params[key] = value as string | number;
  if (issue.expected) params.expected = t(`import.expected.${issue.expected}`, params);
  return t(`import.problem.${issue.problem}`, params as MessageParams);
}

/** Builds an issue from a checker's facts (the server uses it for bodies it cannot read). */
export function importIssue(
  at: string,
  problem: ImportProblem,
  facts: IssueFacts = {},
): ImportIssue {
  const { expected, value, min, max } = facts;
  const params: IssueParams = {
    ...('value' in facts ? { value: preview(value) } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
  const issue = { at, problem, ...(expected ? { expected } : {}), params };
  return { ...issue, detail: issueMessage(issue, english) };
}

/** Collects issues; the checkers call `add` and move on, so one pass reports many. */
export class IssueSink {
  readonly issues: ImportIssue[] = [];
  /** All issues found, including those past MAX_REPORTED_ISSUES. */
  count = 0;

  add(at: string, problem: ImportProblem, facts?: IssueFacts): void {
    this.count += 1;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(importIssue(at, problem, facts));
  }
}

/** One issue as a line of English, for logs and the API's `error` text. */
export function describeIssue(issue: ImportIssue): string {
  return issue.detail;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the fields of one record against the schema of each (lib/model/records): a field
 * that is absent is missing, one its schema refuses is invalid, each said with `expected`
 * (in its order).
 */
export function checkFields<K extends string>(
  raw: Record<string, unknown>,
  fields: Readonly<Record<K, z.ZodType>>,
  expected: Readonly<Partial<Record<K, IssueFacts>>>,
  at: string,
  sink: IssueSink,
): void {
  for (const key of Object.keys(expected) as K[]) {
    const where = `${at}.${key}`;
    if (!(key in raw)) sink.add(where, 'missing', expected[key]);
    else if (!fields[key].safeParse(raw[key]).success)
      sink.add(where, 'invalid', { ...expected[key], value: raw[key] });
  }
}

/** Reports every key of `raw` that is not in `known`, as an unknown field under `at`. */
export function unknownKeys(
  raw: Record<string, unknown>,
  known: readonly string[],
  at: string,
  sink: IssueSink,
): void {
  for (const key of Object.keys(raw))
    if (!known.includes(key)) sink.add(at ? `${at}.${key}` : key, 'unknownField');
}

function isIssueParams(value: unknown): value is IssueParams {
  if (!isObject(value)) return false;
  const { value: found, min, max } = value;
  return (
    (found === undefined || typeof found === 'string') &&
    (min === undefined || typeof min === 'number') &&
    (max === undefined || typeof max === 'number')
  );
}

/** An issue as the API sends it, checked before the page words it (codes it knows only). */
export function isImportIssue(value: unknown): value is ImportIssue {
  if (!isObject(value)) return false;
  const { at, problem, expected, params, detail } = value;
  return (
    typeof at === 'string' &&
    typeof detail === 'string' &&
    (IMPORT_PROBLEMS as readonly unknown[]).includes(problem) &&
    (expected === undefined || (IMPORT_EXPECTATIONS as readonly unknown[]).includes(expected)) &&
    isIssueParams(params)
  );
}
