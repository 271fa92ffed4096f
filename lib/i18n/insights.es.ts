import type { insightsEn } from './insights.en';

/**
 * Spanish strings of the Relationships overview, the coherence warnings and the focus
 * filter. Typed against the English keys, so a missing or misspelt key is a compile error.
 */
export const insightsEs: Record<keyof typeof insightsEn, string> = {
  // The overview as a whole
  'insights.label': 'Resumen de las relaciones',
  'insights.summary.relationships.one': '{count} relación',
  'insights.summary.relationships.other': '{count} relaciones',
  'insights.summary.segments.one': '{count} segmento',
  'insights.summary.segments.other': '{count} segmentos',
  'insights.summary.channels.one': '{count} canal',
  'insights.summary.channels.other': '{count} canales',

  // Segments × funnel stages
  'insights.matrix.heading': 'Segmentos y embudo',
  'insights.matrix.caption': 'Las relaciones de cada segmento en cada etapa del embudo',
  'insights.matrix.segment': 'Segmento',
  'insights.matrix.noSegment': 'Sin segmento',
  'insights.matrix.noStage': 'Sin etapa',
  'insights.matrix.perStage': 'Por etapa',
  'insights.matrix.empty':
    'Todavía no hay relaciones. Añade notas en Relaciones con los clientes y vincula cada una con un segmento y un canal.',
  'insights.matrix.footnote':
    'Una relación que sirve a varios segmentos aparece en la fila de cada uno, y una sola vez por etapa.',

  // Costs
  'insights.costs.heading': 'Costes',
  'insights.costs.caption': 'Lo que cuestan las relaciones, por segmento, moneda y periodo',
  'insights.costs.total': 'Total',
  'insights.costs.empty':
    'Todavía no hay costes. Indica el importe, la moneda y el periodo de una relación para verlo sumado aquí.',
  'insights.costs.footnote':
    'Nunca se suman monedas ni periodos distintos. Una relación que sirve a varios segmentos cuenta entera en cada uno, y una sola vez en el total.',
  'insights.costs.unsummed.one':
    '{count} coste no tiene moneda o periodo, así que queda fuera de las sumas.',
  'insights.costs.unsummed.other':
    '{count} costes no tienen moneda o periodo, así que quedan fuera de las sumas.',

  // Current against planned, and hypotheses
  'insights.status.heading': 'Actuales y previstas',
  'insights.status.none': 'Sin estado',
  'insights.hypotheses.heading': 'Hipótesis',

  // Coherence warnings
  'insights.warnings.heading': 'Qué falta',
  'insights.warnings.count.one': '{count} aviso',
  'insights.warnings.count.other': '{count} avisos',
  'insights.warnings.empty':
    'No falta nada: todos los segmentos tienen relación, y cada relación indica su segmento y su canal.',
  'insights.warning.relationshipWithoutChannel': '«{note}» no tiene canal',
  'insights.warning.relationshipWithoutSegment': '«{note}» no sirve a ningún segmento',
  'insights.warning.segmentWithoutRelationship': 'Ninguna relación sirve al segmento «{note}»',
  'insights.warning.channelUnused': 'Ninguna relación usa el canal «{note}»',
  'insights.warning.stageEmpty': 'Ninguna relación en la etapa «{stage}»',
  'insights.warning.costWithoutPeriod': 'El coste de «{note}» no tiene periodo',
  'insights.warning.costWithoutCurrency': 'El coste de «{note}» no tiene moneda',

  // Focus filter
  'insights.filter.label': 'Enfocar el tablero',
  'insights.filter.hint': 'Resalta las relaciones que coinciden; el resto del tablero se atenúa.',
  'insights.filter.segments': 'Segmento',
  'insights.filter.noSegments': 'Todavía no hay segmentos en el tablero.',
  'insights.filter.clear': 'Quitar el filtro',
};
