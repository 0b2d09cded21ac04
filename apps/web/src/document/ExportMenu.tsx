import { useEffect, useId, useRef, useState } from 'react';
import { downloadExport, errorMessage } from '../api/index.ts';
import { useT } from '../i18n/index.ts';

const formats = ['pdf', 'docx', 'html', 'md'] as const;
type Format = (typeof formats)[number];

/** Hands a downloaded file to the browser as a download. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; format: Format }
  | { kind: 'done'; format: Format; name: string }
  | { kind: 'failed'; message: string };

/**
 * "Exporter": a disclosure button that shows the formats. The server renders the file from the
 * stored text in the document's language; the page only saves it. Escape or a click elsewhere
 * closes the list and focus goes back to the button.
 */
export function ExportMenu({ documentId, title }: { documentId: string; title: string }) {
  const t = useT();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const run = async (format: Format) => {
    close();
    setStatus({ kind: 'working', format });
    try {
      const { blob, fileName } = await downloadExport(documentId, format);
      save(blob, fileName);
      setStatus({ kind: 'done', format, name: fileName });
    } catch (error) {
      setStatus({ kind: 'failed', message: errorMessage(t, error) });
    }
  };

  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t('exports.menuLabel', { title })}
        disabled={status.kind === 'working'}
        onClick={() => setOpen((value) => !value)}
      >
        {t('exports.menu')} <span aria-hidden="true">▾</span>
      </button>
      <ul id={listId} className="export-menu__list" hidden={!open}>
        {formats.map((format) => (
          <li key={format}>
            <button type="button" className="export-menu__item" onClick={() => run(format)}>
              {t(`exports.formats.${format}`)}
            </button>
          </li>
        ))}
        <li className="export-menu__hint">{t('exports.hint')}</li>
      </ul>
      <p
        className={
          status.kind === 'failed' ? 'export-menu__status is-error' : 'export-menu__status'
        }
        role={status.kind === 'failed' ? 'alert' : 'status'}
      >
        {status.kind === 'working' &&
          t('exports.preparing', { format: t(`exports.formats.${status.format}`) })}
        {status.kind === 'done' &&
          t('exports.ready', { format: t(`exports.formats.${status.format}`), name: status.name })}
        {status.kind === 'failed' && status.message}
      </p>
    </div>
  );
}
