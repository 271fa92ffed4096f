'use client';

/** What the panel tells about one note: its block, author, creation time and text. */
import { formatDateTime } from '@/lib/i18n/format';
import { blockTitleKey } from '@/lib/i18n/messages';
import type { NoteRecord } from '@/lib/model/note';
import { useI18n } from '@/lib/react/i18n';
import styles from './note-panel.module.css';

export function NoteDetails({ note }: { note: NoteRecord }) {
  const { locale, t } = useI18n();
  return (
    <>
      <dl className={styles.facts}>
        <dt>{t('panel.block')}</dt>
        <dd data-testid="panel-block">{t(blockTitleKey(note.block))}</dd>
        <dt>{t('panel.author')}</dt>
        <dd>{note.author.trim() || t('panel.unknownAuthor')}</dd>
        <dt>{t('panel.created')}</dt>
        <dd>
          <time dateTime={new Date(note.createdAt).toISOString()}>
            {formatDateTime(note.createdAt, locale)}
          </time>
        </dd>
      </dl>
      <section className={styles.textSection} aria-label={t('panel.text')}>
        <h3 className={styles.sectionTitle}>{t('panel.text')}</h3>
        {note.text.trim() ? (
          <p className={styles.text}>{note.text}</p>
        ) : (
          <p className={styles.noText}>{t('panel.noText')}</p>
        )}
      </section>
    </>
  );
}
