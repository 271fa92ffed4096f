import type { BlockId, NoteColor, RelationshipFields } from '../model';
import type { Locale } from '../i18n/locale';

/**
 * The example board: a cloud accounting app for small businesses that also sells an
 * onboarding consultancy (the two teaching cases of DOMAIN.md in one model), with every
 * Customer Relationships note labelled and linked, so a first-time user sees what good
 * looks like. Content only; example-board.ts writes it into a document.
 */

export interface ExampleNote {
  /** Name used by links below; never stored. */
  key: string;
  block: BlockId;
  color: NoteColor;
  text: Record<Locale, string>;
  relationship?: Partial<RelationshipFields>;
  channels?: string[];
  segments?: string[];
}

export const EXAMPLE_TITLE: Record<Locale, string> = {
  en: 'Example: Cuentas, accounting for small businesses',
  es: 'Ejemplo: Cuentas, contabilidad para pequeños negocios',
};

const segments: ExampleNote[] = [
  {
    key: 'freelancers',
    block: 'customerSegments',
    color: 'blue',
    text: { en: 'Freelancers who do their own books', es: 'Autónomos que llevan sus cuentas' },
  },
  {
    key: 'agencies',
    block: 'customerSegments',
    color: 'purple',
    text: { en: 'Small agencies (5–50 people)', es: 'Agencias pequeñas (5–50 personas)' },
  },
  {
    key: 'firms',
    block: 'customerSegments',
    color: 'teal',
    text: { en: 'Accounting firms serving many clients', es: 'Gestorías con muchos clientes' },
  },
];

const channels: ExampleNote[] = [
  {
    key: 'web',
    block: 'channels',
    color: 'green',
    text: { en: 'Website and free trial', es: 'Web y prueba gratuita' },
  },
  {
    key: 'sales',
    block: 'channels',
    color: 'green',
    text: { en: 'Direct sales team', es: 'Equipo comercial propio' },
  },
  {
    key: 'partners',
    block: 'channels',
    color: 'green',
    text: { en: 'Accountant partner network', es: 'Red de gestorías asociadas' },
  },
  {
    key: 'webinars',
    block: 'channels',
    color: 'green',
    text: { en: 'Monthly webinars', es: 'Webinars mensuales' },
  },
];

const relationships: ExampleNote[] = [
  {
    key: 'selfService',
    block: 'customerRelationships',
    color: 'yellow',
    text: { en: 'Guided self-service setup', es: 'Alta autoguiada' },
    relationship: {
      type: 'selfService',
      mode: 'direct',
      bond: 'transactional',
      intimacy: 'automated',
      motivation: 'acquisition',
      stage: 'activation',
      audience: 'prospects',
      costAmount: 1200,
      costCurrency: 'EUR',
      costPeriod: 'perMonth',
      status: 'current',
      hypothesis: 'validated',
      evidence: '62% of trials finish setup alone',
    },
    channels: ['web'],
    segments: ['freelancers'],
  },
  {
    key: 'support',
    block: 'customerRelationships',
    color: 'yellow',
    text: { en: 'Email and chat support', es: 'Soporte por email y chat' },
    relationship: {
      type: 'remote',
      mode: 'direct',
      bond: 'transactional',
      intimacy: 'personal',
      motivation: 'retention',
      stage: 'retention',
      audience: 'customers',
      costAmount: 4,
      costCurrency: 'EUR',
      costPeriod: 'perCustomer',
      status: 'current',
      hypothesis: 'validated',
      evidence: 'Churn halves after a first answered ticket',
    },
    channels: ['web'],
    segments: ['freelancers', 'agencies'],
  },
  {
    key: 'tutorials',
    block: 'customerRelationships',
    color: 'yellow',
    text: {
      en: 'Tutorials mailed to activated users',
      es: 'Tutoriales por email a usuarios activados',
    },
    relationship: {
      type: 'automated',
      mode: 'direct',
      bond: 'longTerm',
      intimacy: 'automated',
      motivation: 'retention',
      stage: 'conversion',
      audience: 'customers',
      costAmount: 300,
      costCurrency: 'EUR',
      costPeriod: 'perMonth',
      status: 'planned',
      hypothesis: 'testing',
      evidence: 'A/B test running with 400 trial users',
    },
    channels: ['web'],
    segments: ['freelancers'],
  },
  {
    key: 'accountManager',
    block: 'customerRelationships',
    color: 'orange',
    text: {
      en: 'Dedicated account manager and onboarding consultancy',
      es: 'Gestor de cuenta y consultoría de implantación',
    },
    relationship: {
      type: 'dedicated',
      mode: 'direct',
      bond: 'longTerm',
      intimacy: 'personal',
      motivation: 'upselling',
      stage: 'conversion',
      audience: 'customers',
      costAmount: 5000,
      costCurrency: 'EUR',
      costPeriod: 'perMonth',
      status: 'current',
      hypothesis: 'validated',
      evidence: 'Agencies with a manager buy 2.3 more seats',
    },
    channels: ['sales'],
    segments: ['agencies'],
  },
  {
    key: 'partnerProgramme',
    block: 'customerRelationships',
    color: 'orange',
    text: { en: 'Partner programme for accounting firms', es: 'Programa de socios para gestorías' },
    relationship: {
      type: 'thirdParty',
      mode: 'indirect',
      bond: 'longTerm',
      intimacy: 'personal',
      motivation: 'acquisition',
      stage: 'acquisition',
      audience: 'prospects',
      costAmount: 15,
      costCurrency: 'USD',
      costPeriod: 'perCustomer',
      status: 'current',
      hypothesis: 'testing',
      evidence: '12 US firms in the pilot',
    },
    channels: ['partners'],
    segments: ['firms'],
  },
  {
    key: 'community',
    block: 'customerRelationships',
    color: 'pink',
    text: {
      en: 'User forum and referral rewards',
      es: 'Foro de usuarios y premios por recomendar',
    },
    relationship: {
      type: 'community',
      mode: 'direct',
      bond: 'longTerm',
      intimacy: 'personal',
      motivation: 'acquisition',
      stage: 'referral',
      audience: 'customers',
      costAmount: 800,
      costCurrency: 'EUR',
      costPeriod: 'perMonth',
      status: 'planned',
      hypothesis: 'untested',
    },
    channels: ['webinars'],
    segments: ['freelancers'],
  },
];

const rest: ExampleNote[] = [
  {
    key: 'vp1',
    block: 'valuePropositions',
    color: 'pink',
    text: {
      en: 'Books closed in minutes, not weekends',
      es: 'Cierre contable en minutos, no en fines de semana',
    },
  },
  {
    key: 'vp2',
    block: 'valuePropositions',
    color: 'pink',
    text: {
      en: 'Invoices and taxes always compliant',
      es: 'Facturas e impuestos siempre en regla',
    },
  },
  {
    key: 'vp3',
    block: 'valuePropositions',
    color: 'pink',
    text: { en: 'Your accountant sees the same numbers', es: 'Tu gestor ve los mismos números' },
  },
  {
    key: 'kp1',
    block: 'keyPartners',
    color: 'gray',
    text: { en: 'Banks (open banking feeds)', es: 'Bancos (conexión bancaria)' },
  },
  {
    key: 'kp2',
    block: 'keyPartners',
    color: 'gray',
    text: { en: 'Accounting firms', es: 'Gestorías' },
  },
  {
    key: 'ka1',
    block: 'keyActivities',
    color: 'purple',
    text: { en: 'Product development', es: 'Desarrollo de producto' },
  },
  {
    key: 'ka2',
    block: 'keyActivities',
    color: 'purple',
    text: { en: 'Tax rule updates', es: 'Actualización de normativa fiscal' },
  },
  {
    key: 'kr1',
    block: 'keyResources',
    color: 'purple',
    text: { en: 'Platform and data', es: 'Plataforma y datos' },
  },
  {
    key: 'kr2',
    block: 'keyResources',
    color: 'purple',
    text: { en: 'Tax experts', es: 'Expertos fiscales' },
  },
  {
    key: 'c1',
    block: 'costStructure',
    color: 'orange',
    text: { en: 'Engineering salaries', es: 'Salarios de ingeniería' },
  },
  {
    key: 'c2',
    block: 'costStructure',
    color: 'orange',
    text: { en: 'Hosting', es: 'Alojamiento' },
  },
  {
    key: 'c3',
    block: 'costStructure',
    color: 'orange',
    text: { en: 'Partner commissions', es: 'Comisiones a socios' },
  },
  {
    key: 'r1',
    block: 'revenueStreams',
    color: 'green',
    text: { en: 'Monthly subscription per company', es: 'Suscripción mensual por empresa' },
  },
  {
    key: 'r2',
    block: 'revenueStreams',
    color: 'green',
    text: {
      en: 'Onboarding consultancy (one-off fee)',
      es: 'Consultoría de implantación (pago único)',
    },
  },
];

export const EXAMPLE_NOTES: readonly ExampleNote[] = [
  ...segments,
  ...channels,
  ...relationships,
  ...rest,
];
