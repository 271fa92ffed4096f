/**
 * English strings of the Relationships overview, the coherence warnings and the focus filter
 * (components/overview, components/filter). Spread into en.ts. Names of stages, periods,
 * statuses, hypothesis states, types and motivations come from relationship.en.ts.
 */
export const insightsEn = {
  // The overview as a whole
  'insights.label': 'Relationships overview',
  'insights.summary.relationships.one': '{count} relationship',
  'insights.summary.relationships.other': '{count} relationships',
  'insights.summary.segments.one': '{count} segment',
  'insights.summary.segments.other': '{count} segments',
  'insights.summary.channels.one': '{count} channel',
  'insights.summary.channels.other': '{count} channels',

  // Segments × funnel stages
  'insights.matrix.heading': 'Segments and funnel',
  'insights.matrix.caption': 'The relationships of each segment at each stage of the funnel',
  'insights.matrix.segment': 'Segment',
  'insights.matrix.noSegment': 'No segment',
  'insights.matrix.noStage': 'No stage',
  'insights.matrix.perStage': 'Per stage',
  'insights.matrix.empty':
    'No relationships yet. Add notes to Customer Relationships, then link each one to a segment and a channel.',
  'insights.matrix.footnote':
    'A relationship that serves several segments appears in each of their rows, and once per stage.',

  // Costs
  'insights.costs.heading': 'Costs',
  'insights.costs.caption': 'What the relationships cost, per segment, currency and period',
  'insights.costs.total': 'Total',
  'insights.costs.empty':
    'No costs yet. Give a relationship an amount, a currency and a period to see it added up here.',
  'insights.costs.footnote':
    'Different currencies and periods are never added together. A relationship that serves several segments counts in full for each of them, and once in the total.',
  'insights.costs.unsummed.one':
    '{count} cost has no currency or no period, so it is left out of the sums.',
  'insights.costs.unsummed.other':
    '{count} costs have no currency or no period, so they are left out of the sums.',

  // Current against planned, and hypotheses
  'insights.status.heading': 'Current and planned',
  'insights.status.none': 'No status',
  'insights.hypotheses.heading': 'Hypotheses',

  // Coherence warnings
  'insights.warnings.heading': 'What is missing',
  'insights.warnings.count.one': '{count} warning',
  'insights.warnings.count.other': '{count} warnings',
  'insights.warnings.empty':
    'Nothing missing: every segment is served, and every relationship names its segment and channel.',
  'insights.warning.relationshipWithoutChannel': '“{note}” has no channel',
  'insights.warning.relationshipWithoutSegment': '“{note}” serves no segment',
  'insights.warning.segmentWithoutRelationship': 'No relationship serves the segment “{note}”',
  'insights.warning.channelUnused': 'No relationship uses the channel “{note}”',
  'insights.warning.stageEmpty': 'No relationship at the “{stage}” stage',
  'insights.warning.costWithoutPeriod': 'The cost of “{note}” has no period',
  'insights.warning.costWithoutCurrency': 'The cost of “{note}” has no currency',

  // Focus filter
  'insights.filter.label': 'Focus the board',
  'insights.filter.hint': 'Highlight the relationships that match; the rest of the board fades.',
  'insights.filter.segments': 'Segment',
  'insights.filter.noSegments': 'No segments on the board yet.',
  'insights.filter.clear': 'Clear filter',
} as const;
