import type { DocumentRecord } from '../api/index.ts';
import { Link, paths } from '../app/index.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { KindBadge } from './KindBadge.tsx';

/** The partnership's documents, most recently changed first. */
export function DocumentList({ documents }: { documents: DocumentRecord[] }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const visible = documents
    .filter((document) => !document.archived)
    .sort((a, b) => b.updatedAt - a.updatedAt);

  if (visible.length === 0) return <p className="muted">{t('documents.empty')}</p>;

  return (
    <ul className="document-list">
      {visible.map((document) => (
        <li key={document.id} className="document-list__item">
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
        </li>
      ))}
    </ul>
  );
}
