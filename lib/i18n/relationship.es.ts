import type { relationshipEn } from './relationship.en';

/**
 * Spanish strings of the Customer Relationships labels, with the names DOMAIN.md gives.
 * Typed against the English keys, so a missing or misspelt key is a compile error.
 */
export const relationshipEs: Record<keyof typeof relationshipEn, string> = {
  // The editor in the side panel
  'rel.editor.label': 'Relación con el cliente',
  'rel.heading.type': 'Tipo',
  'rel.heading.dimensions': 'Dimensiones',
  'rel.heading.purpose': 'Propósito',
  'rel.heading.links': 'Enlaces',
  'rel.heading.cost': 'Coste',
  'rel.heading.statusHypothesis': 'Estado e hipótesis',
  'rel.notSet': 'Sin definir',
  'rel.none': 'Sin tipo',

  // Field names
  'rel.field.type': 'Tipo',
  'rel.field.mode': 'Modo',
  'rel.field.bond': 'Vínculo',
  'rel.field.intimacy': 'Atención',
  'rel.field.motivation': 'Motivación',
  'rel.field.stage': 'Etapa del embudo',
  'rel.field.audience': 'Público',
  'rel.field.channels': 'Canales enlazados',
  'rel.field.segments': 'Segmentos enlazados',
  'rel.field.costAmount': 'Importe',
  'rel.field.costCurrency': 'Moneda',
  'rel.field.costPeriod': 'Periodo',
  'rel.field.status': 'Estado',
  'rel.field.hypothesis': 'Hipótesis',
  'rel.field.evidence': 'Evidencia',

  // The eight types
  'rel.type.personal': 'Asistencia personal',
  'rel.type.personal.description': 'Una persona atiende al cliente (en persona, por teléfono).',
  'rel.type.dedicated': 'Asistencia personal exclusiva',
  'rel.type.dedicated.description':
    'Una persona o un servicio exclusivo e individualizado para un cliente.',
  'rel.type.remote': 'A distancia',
  'rel.type.remote.description':
    'Comunicación indirecta por correo electrónico, mensajería, buzones.',
  'rel.type.selfService': 'Autoservicio',
  'rel.type.selfService.description':
    'El cliente se atiende a sí mismo con los medios que le damos.',
  'rel.type.automated': 'Servicios automatizados',
  'rel.type.automated.description':
    'Una máquina emula la atención personal (recomendaciones, bots, flujos automáticos).',
  'rel.type.community': 'Comunidades',
  'rel.type.community.description': 'Colectiva: foros, charlas, talleres, comunidades de usuarios.',
  'rel.type.coCreation': 'Co-creación',
  'rel.type.coCreation.description':
    'El cliente participa activamente en la creación de valor (reseñas, aportaciones).',
  'rel.type.thirdParty': 'A través de terceros',
  'rel.type.thirdParty.description':
    'Un tercero lleva la relación (revendedores, intermediarios, agentes).',
  'rel.type.about': 'Qué significa cada tipo',
  'rel.type.defaultsHint':
    'Al elegir un tipo se rellenan las dimensiones; todas se pueden cambiar.',

  // The three dimensions
  'rel.mode.direct': 'Directa',
  'rel.mode.direct.hint': 'El cliente trata con nosotros',
  'rel.mode.indirect': 'Indirecta',
  'rel.mode.indirect.hint': 'Solo a través de intermediarios',
  'rel.bond.transactional': 'Transaccional',
  'rel.bond.transactional.hint': 'Puntual, fácil de abandonar',
  'rel.bond.longTerm': 'A largo plazo',
  'rel.bond.longTerm.hint': 'P. ej. una suscripción, con una barrera de salida',
  'rel.intimacy.personal': 'Personal',
  'rel.intimacy.personal.hint': 'Una persona',
  'rel.intimacy.automated': 'Automatizada',
  'rel.intimacy.automated.hint': 'Una máquina, poco contacto',
  'rel.dimension.clearHint': 'Pulsa de nuevo la opción elegida para quitarla.',

  // Motivation, funnel stages, audiences
  'rel.motivation.acquisition': 'Captación de clientes',
  'rel.motivation.retention': 'Fidelización de clientes',
  'rel.motivation.upselling': 'Estimulación de las ventas',
  'rel.stage.acquisition': 'Adquisición',
  'rel.stage.activation': 'Activación',
  'rel.stage.conversion': 'Conversión',
  'rel.stage.retention': 'Retención',
  'rel.stage.referral': 'Recomendación',
  'rel.audience.prospects': 'Clientes potenciales',
  'rel.audience.customers': 'Clientes actuales',
  'rel.audience.pastCustomers': 'Antiguos clientes',

  // Cost
  'rel.costPeriod.oneOff': 'Pago único',
  'rel.costPeriod.perMonth': 'Al mes',
  'rel.costPeriod.perCustomer': 'Por cliente',
  'rel.cost.placeholder': '0',
  'rel.cost.invalid': 'Escribe un número de 0 a {max}. No se ha guardado nada.',

  // Status and hypothesis
  'rel.status.current': 'Actual',
  'rel.status.planned': 'Prevista',
  'rel.status.hint': 'Actual: la tenemos ya. Prevista: lo que los clientes necesitan o quieren.',
  'rel.hypothesis.untested': 'Sin probar',
  'rel.hypothesis.testing': 'En prueba',
  'rel.hypothesis.validated': 'Validada',
  'rel.hypothesis.invalidated': 'Refutada',
  'rel.evidence.placeholder': 'Una línea: ¿qué hemos aprendido?',
  'rel.evidence.hint': 'Intro guarda, Esc cancela. Hasta {max} caracteres.',

  // Links
  'rel.links.hint': 'Una relación va por un canal, para un segmento.',
  'rel.links.addChannel': 'Enlazar un canal…',
  'rel.links.addSegment': 'Enlazar un segmento…',
  'rel.links.allChannelsLinked': 'Todos los canales están enlazados',
  'rel.links.allSegmentsLinked': 'Todos los segmentos están enlazados',
  'rel.links.noChannels': 'Añade primero una nota en Canales.',
  'rel.links.noSegments': 'Añade primero una nota en Segmentos de clientes.',
  'rel.links.noneChannels': 'Aún no hay ningún canal enlazado.',
  'rel.links.noneSegments': 'Aún no hay ningún segmento enlazado.',
  'rel.links.show': 'Mostrar «{text}» en el tablero',
  'rel.links.remove': 'Quitar el enlace con «{text}»',
  'rel.links.emptyNote': '(nota vacía)',
  'rel.links.missing': '(una nota que ya no está en este bloque)',
};
