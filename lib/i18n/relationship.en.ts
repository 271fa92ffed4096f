/**
 * English strings of the Customer Relationships labels (shared DOMAIN.md, "What a Customer
 * Relationships note carries"): field names, every value's name, and the side panel's
 * headings, hints and errors. Spread into en.ts; value keys are built by
 * relationship-keys.ts, so every model value must have one here (the type system checks).
 */
export const relationshipEn = {
  // The editor in the side panel
  'rel.editor.label': 'Customer relationship',
  'rel.heading.type': 'Type',
  'rel.heading.dimensions': 'Dimensions',
  'rel.heading.purpose': 'Purpose',
  'rel.heading.links': 'Links',
  'rel.heading.cost': 'Cost',
  'rel.heading.statusHypothesis': 'Status & hypothesis',
  'rel.notSet': 'Not set',
  'rel.none': 'No type',

  // Field names
  'rel.field.type': 'Type',
  'rel.field.mode': 'Mode',
  'rel.field.bond': 'Bond',
  'rel.field.intimacy': 'Intimacy',
  'rel.field.motivation': 'Motivation',
  'rel.field.stage': 'Funnel stage',
  'rel.field.audience': 'Audience',
  'rel.field.channels': 'Linked channels',
  'rel.field.segments': 'Linked segments',
  'rel.field.costAmount': 'Amount',
  'rel.field.costCurrency': 'Currency',
  'rel.field.costPeriod': 'Period',
  'rel.field.status': 'Status',
  'rel.field.hypothesis': 'Hypothesis',
  'rel.field.evidence': 'Evidence',

  // The eight types, each with a one-line description
  'rel.type.personal': 'Personal assistance',
  'rel.type.personal.description': 'A person attends the customer (face to face, phone).',
  'rel.type.dedicated': 'Dedicated assistance',
  'rel.type.dedicated.description': 'An exclusive person or service for one client.',
  'rel.type.remote': 'At a distance',
  'rel.type.remote.description': 'Indirect communication by email, messaging, mailboxes.',
  'rel.type.selfService': 'Self-service',
  'rel.type.selfService.description': 'Customers serve themselves with the means provided.',
  'rel.type.automated': 'Automated services',
  'rel.type.automated.description':
    'A machine emulates personal attention (recommendations, bots, automated flows).',
  'rel.type.community': 'Communities',
  'rel.type.community.description': 'Collective: forums, talks, workshops, user communities.',
  'rel.type.coCreation': 'Co-creation',
  'rel.type.coCreation.description':
    'Customers take an active part in creating value (reviews, contributions).',
  'rel.type.thirdParty': 'Through third parties',
  'rel.type.thirdParty.description':
    'An external party carries the relationship (resellers, brokers, agents).',
  'rel.type.about': 'What the types mean',
  'rel.type.defaultsHint': 'Choosing a type fills in the dimensions; each stays editable.',

  // The three dimensions, each value with a short hint
  'rel.mode.direct': 'Direct',
  'rel.mode.direct.hint': 'Customers deal with us',
  'rel.mode.indirect': 'Indirect',
  'rel.mode.indirect.hint': 'Only through intermediaries',
  'rel.bond.transactional': 'Transactional',
  'rel.bond.transactional.hint': 'One-off, easy to leave',
  'rel.bond.longTerm': 'Long-term',
  'rel.bond.longTerm.hint': 'E.g. a subscription, with a barrier to leaving',
  'rel.intimacy.personal': 'Personal',
  'rel.intimacy.personal.hint': 'A person',
  'rel.intimacy.automated': 'Automated',
  'rel.intimacy.automated.hint': 'A machine, low contact',
  'rel.dimension.clearHint': 'Press the chosen option again to clear it.',

  // Motivation (the three drivers), funnel stages, audiences
  'rel.motivation.acquisition': 'Customer acquisition',
  'rel.motivation.retention': 'Customer retention',
  'rel.motivation.upselling': 'Boosting sales (upselling)',
  'rel.stage.acquisition': 'Acquisition',
  'rel.stage.activation': 'Activation',
  'rel.stage.conversion': 'Conversion',
  'rel.stage.retention': 'Retention',
  'rel.stage.referral': 'Referral',
  'rel.audience.prospects': 'Prospects',
  'rel.audience.customers': 'Customers',
  'rel.audience.pastCustomers': 'Past customers',

  // Cost
  'rel.costPeriod.oneOff': 'One-off',
  'rel.costPeriod.perMonth': 'Per month',
  'rel.costPeriod.perCustomer': 'Per customer',
  'rel.cost.placeholder': '0',
  'rel.cost.invalid': 'Enter a number from 0 to {max}. Nothing was saved.',

  // Status and hypothesis
  'rel.status.current': 'Current',
  'rel.status.planned': 'Planned',
  'rel.status.hint': 'Current: we have it now. Planned: what customers need or want.',
  'rel.hypothesis.untested': 'Untested',
  'rel.hypothesis.testing': 'Testing',
  'rel.hypothesis.validated': 'Validated',
  'rel.hypothesis.invalidated': 'Invalidated',
  'rel.evidence.placeholder': 'One line: what did we learn?',
  'rel.evidence.hint': 'Enter saves, Esc cancels. Up to {max} characters.',

  // Links to Channels and Customer Segments notes
  'rel.links.hint': 'A relationship runs over a channel, for a segment.',
  'rel.links.addChannel': 'Link a channel…',
  'rel.links.addSegment': 'Link a segment…',
  'rel.links.allChannelsLinked': 'Every channel is linked',
  'rel.links.allSegmentsLinked': 'Every segment is linked',
  'rel.links.noChannels': 'Add a note in Channels first.',
  'rel.links.noSegments': 'Add a note in Customer Segments first.',
  'rel.links.noneChannels': 'No channel linked yet.',
  'rel.links.noneSegments': 'No segment linked yet.',
  'rel.links.show': 'Show “{text}” on the board',
  'rel.links.remove': 'Remove the link to “{text}”',
  'rel.links.emptyNote': '(empty note)',
  'rel.links.missing': '(a note no longer in this block)',
} as const;
