import type { DocumentRecord, Partnership } from '../api/index.ts';
import { Link, PageHeading, paths } from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { KindBadge } from '../partnership/index.ts';
import { ExportMenu } from './ExportMenu.tsx';

interface DocumentHeaderProps {
  document: DocumentRecord;
  partnership: Partnership;
}

export function DocumentHeader({ document, partnership }: DocumentHeaderProps) {
  const t = useT();
  return (
    <header className="document-header">
      <Link to={paths.partnership(partnership.id)} className="back-link">
        <span aria-hidden="true">←</span> {t('documents.backToList')}
      </Link>
      <div className="document-header__title">
        <PageHeading className="document-title">{document.title}</PageHeading>
        <KindBadge kind={document.kind} />
        <ExportMenu documentId={document.id} title={document.title} />
      </div>
      {document.kind === 'action-plan' && (
        <p className="document-header__links">
          <Link to={paths.planActions(document.id)}>{t('actions.tableLink')}</Link>
          <Link to={paths.commitments(partnership.id)}>{t('actions.oursLink')}</Link>
        </p>
      )}
    </header>
  );
}
