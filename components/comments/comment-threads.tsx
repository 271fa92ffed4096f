'use client';
/**
 * The Comments tab: the selected note's threads, oldest first, each with its replies, a reply
 * box and resolve / reopen; a box to start a thread; resolved threads hidden unless asked for.
 * A viewer reads the threads and sees no input (the server drops a viewer's changes anyway).
 */
import { useId, useState } from 'react';
import type { CommentThread } from '@/lib/doc/comments';
import { formatDateTime, formatRelativeTime } from '@/lib/i18n/format';
import type { CommentId, CommentRecord, NoteRecord } from '@/lib/model';
import { useI18n } from '@/lib/react/i18n';
import type { ReviewActions } from '@/lib/react/use-review';
import { CommentForm } from './comment-form';
import styles from './comments.module.css';

export interface CommentThreadsProps {
  /** The one selected note, or null (nothing or several selected). */
  note: NoteRecord | null;
  threads: readonly CommentThread[];
  /** Null for a viewer: threads are read, never written. */
  actions: ReviewActions | null;
}

function CommentBody({ comment }: { comment: CommentRecord }) {
  const { locale } = useI18n();
  return (
    <>
      <div className={styles.byline}>
        <span className={styles.author}>{comment.author}</span>
        <time
          className={styles.when}
          dateTime={new Date(comment.createdAt).toISOString()}
          title={formatDateTime(comment.createdAt, locale)}
        >
          {formatRelativeTime(comment.createdAt, Date.now(), locale)}
        </time>
      </div>
      <p className={styles.text}>{comment.text}</p>
    </>
  );
}

function ThreadView({ thread, actions }: { thread: CommentThread; actions: ReviewActions | null }) {
  const { t } = useI18n();
  const { first } = thread;
  const id: CommentId = first.id;
  return (
    <li
      className={first.resolved ? `${styles.thread} ${styles.resolved}` : styles.thread}
      data-testid="comment-thread"
      aria-label={t('comments.thread', { author: first.author })}
    >
      <CommentBody comment={first} />
      {thread.replies.length > 0 && (
        <ol className={styles.replies}>
          {thread.replies.map((reply) => (
            <li key={reply.id} className={styles.reply} data-testid="comment-reply">
              <CommentBody comment={reply} />
            </li>
          ))}
        </ol>
      )}
      {first.resolved && first.resolvedBy && (
        <p className={styles.status} data-testid="comment-resolved-by">
          {t('comments.resolvedBy', { name: first.resolvedBy })}
        </p>
      )}
      {actions && (
        <div className={styles.threadActions}>
          {!first.resolved && (
            <CommentForm
              label={t('comments.reply.label', { author: first.author })}
              submit={t('comments.reply.submit')}
              testId="comment-reply"
              compact
              onSubmit={(text) => actions.reply(id, text)}
            />
          )}
          <button
            type="button"
            className={styles.secondary}
            data-testid={first.resolved ? 'comment-reopen' : 'comment-resolve'}
            onClick={() => (first.resolved ? actions.reopen(id) : actions.resolve(id))}
          >
            {first.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}

export function CommentThreads({ note, threads, actions }: CommentThreadsProps) {
  const { t } = useI18n();
  const [showResolved, setShowResolved] = useState(false);
  const headingId = useId();
  if (!note) return <p className={styles.hint}>{t('comments.noSelection')}</p>;
  const shown = showResolved ? threads : threads.filter((thread) => !thread.first.resolved);
  const resolvedCount = threads.length - threads.filter((th) => !th.first.resolved).length;
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="comments-panel">
      <h2 id={headingId} className={styles.heading}>
        {t('comments.heading')}
      </h2>
      {shown.length === 0 ? (
        <p className={styles.hint}>{t('comments.empty')}</p>
      ) : (
        <ol className={styles.threads}>
          {shown.map((thread) => (
            <ThreadView key={thread.first.id} thread={thread} actions={actions} />
          ))}
        </ol>
      )}
      {resolvedCount > 0 && (
        <label className={styles.option}>
          <input
            type="checkbox"
            checked={showResolved}
            data-testid="comments-show-resolved"
            onChange={(event) => setShowResolved(event.target.checked)}
          />
          {t('comments.showResolved')} ({resolvedCount})
        </label>
      )}
      {actions ? (
        <CommentForm
          label={t('comments.new.label')}
          placeholder={t('comments.new.placeholder')}
          submit={t('comments.new.submit')}
          testId="comment-new"
          onSubmit={(text) => actions.comment(note.id, text)}
        />
      ) : (
        <p className={styles.hint} data-testid="comments-read-only">
          {t('comments.readOnly')}
        </p>
      )}
    </section>
  );
}
