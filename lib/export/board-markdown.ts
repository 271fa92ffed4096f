import { BLOCK_IDS, type NoteId, type NoteRecord, type RelationshipFields } from '../model';
import type { BoardSnapshot } from '../doc/read-board';
import type { Locale } from '../i18n/locale';
import { blockTitleKey, type MessageKey } from '../i18n/messages';
import {
  CHOICE_FIELDS,
  type ChoiceField,
  costPeriodKey,
  hypothesisKey,
  relationshipFieldKey,
  relationshipValueKey,
  stageKey,
  statusKey,
} from '../i18n/relationship-keys';
import { createTranslator, pluralKey, type Translate } from '../i18n/translate';
import { indexBoard } from '../insights/board-index';
import { formatMoney, noteTitle } from '../insights/format';
import {
  HYPOTHESIS_BUCKETS,
  STAGE_COLUMNS,
  STATUS_BUCKETS,
  computeOverview,
  type CostLine,
  type HypothesisBucket,
  type StageColumn,
  type StatusBucket,
} from '../insights/overview';
import { computeWarnings, type CoherenceWarning } from '../insights/warnings';

/**
 * A Markdown summary of a board in the reader's language: the title, each of the nine blocks
 * with its notes' text (and a relationship's labels), then the Relationships overview as the
 * side panel shows it (segments × funnel, costs, current and planned, hypotheses) and the
 * coherence warnings. Built from the same pure functions as the panel (lib/insights).
 */

/** Characters Markdown could read as formatting in a note's text. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|]/g;

function escape(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&');
}

function choiceName<F extends ChoiceField>(
  field: F,
  labels: NoteRecord['relationship'],
  t: Translate,
): string | null {
  const value = labels[field] as RelationshipFields[F] | undefined;
  return value === undefined ? null : t(relationshipValueKey(field, value));
}

function labelLine(note: NoteRecord, t: Translate, locale: Locale): string | null {
  const parts: string[] = [];
  const labels = note.relationship;
  for (const field of CHOICE_FIELDS) {
    if (field === 'costPeriod') continue; // shown with the amount
    const value = choiceName(field, labels, t);
    if (value) parts.push(`${t(relationshipFieldKey(field))}: ${value}`);
  }
  if (labels.costAmount !== undefined) {
    const amount = labels.costCurrency
      ? formatMoney(labels.costAmount, labels.costCurrency, locale)
      : String(labels.costAmount);
    const period = labels.costPeriod ? t(costPeriodKey(labels.costPeriod)) : '—';
    parts.push(`${t('rel.heading.cost')}: ${t('export.md.cost', { amount, period })}`);
  }
  if (labels.evidence) parts.push(`${t('rel.field.evidence')}: ${escape(labels.evidence)}`);
  return parts.length > 0 ? `${t('export.md.labels')}: ${parts.join(' · ')}` : null;
}

function noteItem(note: NoteRecord, t: Translate, locale: Locale): string[] {
  // A note's lines stay lines: each but the last ends in a hard break (CommonMark's `\`).
  const text = (note.text || t('rel.links.emptyNote')).split('\n').map(escape).join('\\\n  ');
  const lines = [`- ${text}`];
  const labels = labelLine(note, t, locale);
  if (labels) lines.push(`  - ${labels}`);
  return lines;
}

function blocks(notes: readonly NoteRecord[], t: Translate, locale: Locale): string[] {
  return BLOCK_IDS.flatMap((block) => {
    const inBlock = notes.filter((note) => note.block === block);
    const body = inBlock.length
      ? inBlock.flatMap((note) => noteItem(note, t, locale))
      : [`_${t('export.md.noNotes')}_`];
    return [`## ${t(blockTitleKey(block))}`, '', ...body, ''];
  });
}

function cell(text: string): string {
  return escape(text.replace(/\s+/g, ' ').trim());
}

function stageName(column: StageColumn, t: Translate): string {
  return column === 'none' ? t('insights.matrix.noStage') : t(stageKey(column));
}

function statusName(bucket: StatusBucket, t: Translate): string {
  return bucket === 'none' ? t('insights.status.none') : t(statusKey(bucket));
}

function hypothesisName(bucket: HypothesisBucket, t: Translate): string {
  return bucket === 'none' ? t('rel.notSet') : t(hypothesisKey(bucket));
}

export function boardToMarkdown(snapshot: BoardSnapshot, locale: Locale): string {
  const t = createTranslator(locale);
  const notes = snapshot.ordered;
  const byId = snapshot.notes;
  const title = (id: NoteId | null) =>
    id === null
      ? t('insights.matrix.noSegment')
      : noteTitle(byId.get(id)?.text ?? '') || t('rel.links.emptyNote');
  const index = indexBoard(notes);
  const overview = computeOverview(notes, index);
  const warnings = computeWarnings(notes, index);
  const money = (line: CostLine) =>
    `${formatMoney(line.amount, line.currency, locale)} (${t(costPeriodKey(line.period))})`;

  const out: string[] = [`# ${escape(snapshot.meta.title)}`, '', ...blocks(notes, t, locale)];
  out.push(`## ${t('insights.label')}`, '');
  out.push(
    [
      t(pluralKey('insights.summary.relationships', overview.relationshipCount), {
        count: overview.relationshipCount,
      }),
      t(pluralKey('insights.summary.segments', overview.segmentCount), {
        count: overview.segmentCount,
      }),
      t(pluralKey('insights.summary.channels', overview.channelCount), {
        count: overview.channelCount,
      }),
    ].join(' · '),
    '',
  );

  out.push(`### ${t('insights.matrix.heading')}`, '');
  if (overview.relationshipCount === 0) out.push(t('insights.matrix.empty'), '');
  else {
    out.push(
      `| ${[t('insights.matrix.segment'), ...STAGE_COLUMNS.map((c) => stageName(c, t))].map(cell).join(' | ')} |`,
      `|${' --- |'.repeat(STAGE_COLUMNS.length + 1)}`,
    );
    for (const row of overview.matrix) {
      const cells = STAGE_COLUMNS.map((c) => row.cells[c].map((id) => cell(title(id))).join('; '));
      out.push(`| ${[cell(title(row.segmentId)), ...cells].join(' | ')} |`);
    }
    out.push('');
  }

  out.push(`### ${t('insights.costs.heading')}`, '');
  const { bySegment, totals, unsummed } = overview.costs;
  if (totals.length === 0 && unsummed.length === 0) out.push(t('insights.costs.empty'), '');
  else {
    for (const segment of bySegment)
      out.push(`- ${cell(title(segment.segmentId))}: ${segment.lines.map(money).join(', ')}`);
    if (totals.length)
      out.push(`- **${t('insights.costs.total')}**: ${totals.map(money).join(', ')}`);
    if (unsummed.length)
      out.push(
        '',
        t(pluralKey('insights.costs.unsummed', unsummed.length), { count: unsummed.length }),
      );
    out.push('');
  }

  out.push(`### ${t('insights.status.heading')}`, '');
  for (const bucket of STATUS_BUCKETS as readonly StatusBucket[])
    out.push(`- ${statusName(bucket, t)}: ${overview.status[bucket].length}`);
  out.push('', `### ${t('insights.hypotheses.heading')}`, '');
  for (const bucket of HYPOTHESIS_BUCKETS as readonly HypothesisBucket[])
    out.push(`- ${hypothesisName(bucket, t)}: ${overview.hypotheses[bucket].length}`);

  out.push('', `### ${t('insights.warnings.heading')}`, '');
  if (warnings.length === 0) out.push(t('insights.warnings.empty'));
  for (const warning of warnings) out.push(`- ${warningText(warning, title, t)}`);
  return `${out.join('\n')}\n`;
}

function warningText(
  warning: CoherenceWarning,
  title: (id: NoteId) => string,
  t: Translate,
): string {
  const key = `insights.warning.${warning.kind}` as MessageKey;
  return warning.kind === 'stageEmpty'
    ? t(key, { stage: t(stageKey(warning.stage)) })
    : t(key, { note: cell(title(warning.noteId)) });
}
