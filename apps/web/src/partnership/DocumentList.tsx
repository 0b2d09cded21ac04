import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  archiveDocument,
  type DocumentRecord,
  errorMessage,
  renameDocument,
} from '../api/index.ts';
import { Link, paths } from '../app/index.ts';
import { checkRequired } from '../forms/index.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { ConfirmDialog } from '../ui/index.ts';
import { KindBadge } from './KindBadge.tsx';

interface DocumentListProps {
  documents: DocumentRecord[];
  canRename: boolean;
  canArchive: boolean;
  refresh: () => void;
  toast: (message: string) => void;
}

/** The partnership's documents, most recently changed first; rename and archive in place. */
export function DocumentList({
  documents,
  canRename,
  canArchive,
  refresh,
  toast,
}: DocumentListProps) {
  const t = useT();
  const visible = documents
    .filter((document) => !document.archived)
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const [archiving, setArchiving] = useState<DocumentRecord | null>(null);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (visible.length === 0) return <p className="muted">{t('documents.empty')}</p>;

  async function confirmArchive() {
    if (archiving === null) return;
    setBusy(true);
    setArchiveError(null);
    try {
      await archiveDocument(archiving.id, true);
      toast(t('documents.archived', { title: archiving.title }));
      setArchiving(null);
      refresh();
    } catch (error) {
      setArchiveError(errorMessage(t, error));
    }
    setBusy(false);
  }

  return (
    <>
      <ul className="document-list">
        {visible.map((document) => (
          <DocumentItem
            key={document.id}
            document={document}
            canRename={canRename}
            canArchive={canArchive}
            onArchive={() => {
              setArchiveError(null);
              setArchiving(document);
            }}
            onRenamed={(title) => {
              toast(t('documents.renamed', { title }));
              refresh();
            }}
          />
        ))}
      </ul>
      <ConfirmDialog
        open={archiving !== null}
        title={t('documents.archiveTitle')}
        confirmLabel={t('documents.archive')}
        onConfirm={confirmArchive}
        onCancel={() => setArchiving(null)}
        busy={busy}
        error={archiveError}
      >
        <p>{t('documents.archiveConfirm', { title: archiving?.title ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

interface DocumentItemProps {
  document: DocumentRecord;
  canRename: boolean;
  canArchive: boolean;
  onArchive: () => void;
  onRenamed: (title: string) => void;
}

function DocumentItem({
  document,
  canRename,
  canArchive,
  onArchive,
  onRenamed,
}: DocumentItemProps) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);

  // Back to the Rename button when the form closes, so keyboard users keep their place.
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  return (
    <li className="document-list__item" data-document-id={document.id}>
      {renaming ? (
        <RenameForm
          document={document}
          onDone={(title) => {
            setRenaming(false);
            if (title !== null) onRenamed(title);
          }}
        />
      ) : (
        <>
          <Link
            to={paths.document(document.id)}
            className="document-list__link"
            data-testid="document-link"
            data-document-id={document.id}
          >
            {document.title}
          </Link>
          <div className="document-list__meta">
            <KindBadge kind={document.kind} />
            <time dateTime={new Date(document.updatedAt).toISOString()}>
              {t('documents.updatedAt', { date: formatDate(document.updatedAt) })}
            </time>
          </div>
          {(canRename || canArchive) && (
            <div className="document-list__actions">
              {canRename && (
                <button
                  ref={renameButton}
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setRenaming(true)}
                  data-testid="rename-document"
                  aria-label={t('documents.renameNamed', { title: document.title })}
                >
                  {t('documents.rename')}
                </button>
              )}
              {canArchive && (
                <button
                  type="button"
                  className="button button--danger-ghost button--small"
                  onClick={onArchive}
                  data-testid="archive-document"
                  aria-label={t('documents.archiveNamed', { title: document.title })}
                >
                  {t('documents.archive')}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}

function RenameForm({
  document,
  onDone,
}: {
  document: DocumentRecord;
  onDone: (title: string | null) => void;
}) {
  const t = useT();
  const id = useId();
  const [title, setTitle] = useState(document.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.select();
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = checkRequired(t, title, 200);
    if (problem !== null) {
      setError(problem);
      inputRef.current?.focus();
      return;
    }
    if (title.trim() === document.title) {
      onDone(null);
      return;
    }
    setBusy(true);
    try {
      await renameDocument(document.id, title.trim());
      onDone(title.trim());
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
      inputRef.current?.focus();
    }
  }

  return (
    <form className="rename-form" onSubmit={handleSubmit} noValidate data-testid="rename-form">
      <div className="field">
        <label htmlFor={id}>{t('documents.newTitle')}</label>
        <input
          ref={inputRef}
          id={id}
          name="title"
          value={title}
          maxLength={200}
          autoComplete="off"
          aria-invalid={error !== null ? true : undefined}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onDone(null);
            }
          }}
        />
        {error !== null && (
          <p id={`${id}-error`} className="field-error">
            <span aria-hidden="true" className="field-error__icon">
              !
            </span>
            {error}
          </p>
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button--small" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
