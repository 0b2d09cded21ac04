import { can } from '@accord/domain';
import { useCallback } from 'react';
import { fetchPartnership, type PartnershipDetail, useResource } from '../api/index.ts';
import {
  Link,
  PageHeading,
  PageLayout,
  paths,
  ResourcePage,
  useDocumentTitle,
} from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { useMe } from '../session/store.ts';
import { useToast } from '../ui/index.ts';
import { AuditPanel } from './AuditPanel.tsx';
import { RoleBadge, SignatoryBadge } from './badges.tsx';
import { CreateDocumentForm } from './CreateDocumentForm.tsx';
import { DocumentList } from './DocumentList.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { MembersPanel } from './MembersPanel.tsx';

export function PartnershipPage({ id }: { id: string }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchPartnership(id, signal), [id]);
  const [detail, reload] = useResource(`partnership:${id}`, load);
  useDocumentTitle(detail.state === 'ready' ? detail.data.partnership.name : null);
  return (
    <ResourcePage resource={detail} reload={reload} notFound={t('partnership.notFound')}>
      {(data) => <PartnershipView detail={data} refresh={reload} />}
    </ResourcePage>
  );
}

export interface PanelProps {
  detail: PartnershipDetail;
  refresh: () => void;
  toast: (message: string) => void;
}

function PartnershipView({ detail, refresh }: { detail: PartnershipDetail; refresh: () => void }) {
  const t = useT();
  const me = useMe();
  const [toastNode, toast] = useToast();
  const { partnership, membership } = detail;
  const role = membership.role;
  const panel: PanelProps = { detail, refresh, toast };

  return (
    <PageLayout>
      <p className="breadcrumb">
        <Link to={paths.home()} className="back-link">
          <span aria-hidden="true">←</span> {t('partnership.backHome')}
        </Link>
      </p>
      <div className="hero">
        <PageHeading>{partnership.name}</PageHeading>
        {partnership.purpose !== '' && <p className="hero__tagline">{partnership.purpose}</p>}
        <p className="hero__meta">
          <span className="muted">{t('partnership.yourRole')}</span> <RoleBadge role={role} />
          {membership.signatory && <SignatoryBadge />}
        </p>
        <p>
          <Link to={paths.commitments(partnership.id)} data-testid="commitments-link">
            {t('actions.oursLink')}
          </Link>
        </p>
      </div>
      <div className="two-columns">
        <div className="stack">
          <section className="panel" aria-labelledby="documents-title">
            <h2 id="documents-title" className="panel__title">
              {t('documents.title')}
            </h2>
            <DocumentList
              documents={detail.documents}
              canRename={can(role, 'document.rename')}
              canArchive={can(role, 'document.archive')}
              refresh={refresh}
              toast={toast}
            />
          </section>
          <MembersPanel {...panel} me={me} />
        </div>
        <div className="stack">
          {can(role, 'document.create') && <CreateDocumentForm partnershipId={partnership.id} />}
          {can(role, 'member.invite') && <InvitationsPanel {...panel} />}
          {can(role, 'audit.download') && (
            <AuditPanel partnershipId={partnership.id} revision={detail} />
          )}
        </div>
      </div>
      {toastNode}
    </PageLayout>
  );
}
