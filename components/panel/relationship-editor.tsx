'use client';

/**
 * The labels of one Customer Relationships note (shared DOMAIN.md): type, the three
 * dimensions, purpose (motivation, funnel stage, audience), links to Channels and Customer
 * Segments notes, cost, status and hypothesis. It renders the record it is given and calls
 * back on every change; the board page binds the callbacks to the model functions, so each
 * change is one synced, undoable write.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { RelationshipPatch } from '@/lib/doc/relationships';
import type { MessageKey } from '@/lib/i18n/messages';
import { DIMENSIONS } from '@/lib/i18n/relationship-keys';
import type { NoteId } from '@/lib/model/ids';
import type { NoteRecord } from '@/lib/model/note';
import type { RelationshipType } from '@/lib/model/relationship';
import { useI18n } from '@/lib/react/i18n';
import { ChoiceSelect } from './relationship/choice-select';
import { CostFields } from './relationship/cost-fields';
import { DimensionToggle } from './relationship/dimension-toggle';
import { EvidenceField } from './relationship/evidence-field';
import { LinkList } from './relationship/link-list';
import { TypeField } from './relationship/type-field';
import styles from './relationship/relationship.module.css';

export interface RelationshipEditorProps {
  /** The selected note, in the Customer Relationships block. */
  note: NoteRecord;
  /** The notes of the Channels block, offered as links. */
  channels: readonly NoteRecord[];
  /** The notes of the Customer Segments block, offered as links. */
  segments: readonly NoteRecord[];
  /** Sets (value) or clears (null) some labels. */
  onLabel(patch: RelationshipPatch): void;
  /** Sets the type and fills the dimensions it suggests; null clears the type. */
  onChooseType(type: RelationshipType | null): void;
  /** Links this note to a Channels or Customer Segments note. */
  onLink(targetId: NoteId): void;
  onUnlink(targetId: NoteId): void;
  /** Selects a linked note and brings it into view on the board. */
  onShowNote(id: NoteId): void;
}

/** What the panel passes through: everything but the note it already has. */
export type RelationshipBindings = Omit<RelationshipEditorProps, 'note'>;

function Group({ heading, children }: { heading: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className={styles.group} role="group" aria-labelledby={id}>
      <h4 id={id} className={styles.groupTitle}>
        {t(heading)}
      </h4>
      {children}
    </div>
  );
}

export function RelationshipEditor({
  note,
  channels,
  segments,
  onLabel,
  onChooseType,
  onLink,
  onUnlink,
  onShowNote,
}: RelationshipEditorProps) {
  const { t } = useI18n();
  const titleId = useId();
  const dimensionsHintId = useId();
  const statusHintId = useId();
  const labels = note.relationship;
  const linkProps = { onLink, onUnlink, onShowNote };

  return (
    <section className={styles.editor} aria-labelledby={titleId} data-testid="relationship-editor">
      <h3 id={titleId} className={styles.title}>
        {t('rel.editor.label')}
      </h3>

      <Group heading="rel.heading.type">
        <TypeField value={labels.type} onChoose={onChooseType} />
      </Group>

      <Group heading="rel.heading.dimensions">
        <p id={dimensionsHintId} className={styles.hint}>
          {t('rel.dimension.clearHint')}
        </p>
        {DIMENSIONS.map((dimension) => (
          <DimensionToggle
            key={dimension}
            dimension={dimension}
            value={labels[dimension]}
            describedBy={dimensionsHintId}
            onChange={(value) => onLabel({ [dimension]: value })}
          />
        ))}
      </Group>

      <Group heading="rel.heading.purpose">
        <ChoiceSelect
          field="motivation"
          value={labels.motivation}
          onChange={(motivation) => onLabel({ motivation })}
        />
        <ChoiceSelect field="stage" value={labels.stage} onChange={(stage) => onLabel({ stage })} />
        <ChoiceSelect
          field="audience"
          value={labels.audience}
          onChange={(audience) => onLabel({ audience })}
        />
      </Group>

      <Group heading="rel.heading.links">
        <p className={styles.hint}>{t('rel.links.hint')}</p>
        <LinkList
          kind="channels"
          linked={note.links.channels}
          candidates={channels}
          {...linkProps}
        />
        <LinkList
          kind="segments"
          linked={note.links.segments}
          candidates={segments}
          {...linkProps}
        />
      </Group>

      <Group heading="rel.heading.cost">
        <CostFields labels={labels} onLabel={onLabel} />
      </Group>

      <Group heading="rel.heading.statusHypothesis">
        <ChoiceSelect
          field="status"
          value={labels.status}
          describedBy={statusHintId}
          onChange={(status) => onLabel({ status })}
        />
        <p id={statusHintId} className={styles.hint}>
          {t('rel.status.hint')}
        </p>
        <ChoiceSelect
          field="hypothesis"
          value={labels.hypothesis}
          onChange={(hypothesis) => onLabel({ hypothesis })}
        />
        <EvidenceField value={labels.evidence} onChange={(evidence) => onLabel({ evidence })} />
      </Group>
    </section>
  );
}
