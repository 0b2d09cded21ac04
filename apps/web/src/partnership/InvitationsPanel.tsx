import { type FormEvent, useCallback, useId, useState } from 'react';
import {
  type CreatedInvitation,
  createInvitation,
  errorMessage,
  fetchInvitations,
  type Invitation,
  type PartnershipDetail,
  type Role,
  revokeInvitation,
  useResource,
} from '../api/index.ts';
import { FormError, SelectField, SubmitRow, useFormSubmission } from '../forms/index.ts';
import { type Translate, useDateTimeFormat, useT } from '../i18n/index.ts';
import {
  ColourDot,
  personLabel,
  roleDescriptionKey,
  roleLabelKey,
  roles,
} from '../people/index.ts';
import { CopyLink } from '../ui/index.ts';
import type { PanelProps } from './PartnershipPage.tsx';

export type InvitationState = 'pending' | 'used' | 'expired' | 'revoked';

export function invitationState(invitation: Invitation, now = Date.now()): InvitationState {
  if (invitation.revokedAt !== null) return 'revoked';
  if (invitation.usedAt !== null) return 'used';
  if (invitation.expiresAt <= now) return 'expired';
  return 'pending';
}

const EXPIRY_DAYS = ['1', '7', '14', '30'] as const;
type ExpiryDays = (typeof EXPIRY_DAYS)[number];
/** The invitation form has no field to check: only the server can refuse it. */
const NO_FIELDS: readonly never[] = [];

/** A facilitator invites people (one link per person) and follows the links given out. */
export function InvitationsPanel({ detail, toast }: PanelProps) {
  const t = useT();
  const { partnership } = detail;
  const load = useCallback(
    (signal: AbortSignal) => fetchInvitations(partnership.id, signal),
    [partnership.id],
  );
  const [invitations, reload] = useResource(`invitations:${partnership.id}`, load);

  return (
    <section className="panel" aria-labelledby="invitations-title" data-testid="invitations-panel">
      <h2 id="invitations-title" className="panel__title">
        {t('invitations.title')}
      </h2>
      <InviteForm detail={detail} onCreated={reload} />
      <h3 className="subsection-title">{t('invitations.listTitle')}</h3>
      {invitations.state === 'loading' && <p className="muted small">{t('app.loading')}</p>}
      {invitations.state === 'error' && (
        <p className="field-error" role="alert">
          {errorMessage(t, invitations.error)}
        </p>
      )}
      {invitations.state === 'ready' && (
        <InvitationList
          invitations={invitations.data}
          detail={detail}
          onRevoked={() => {
            toast(t('invitations.revoked'));
            reload();
          }}
          onError={(message) => toast(message)}
        />
      )}
    </section>
  );
}

function InviteForm({ detail, onCreated }: { detail: PartnershipDetail; onCreated: () => void }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const { partnership, organisations } = detail;
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [role, setRole] = useState<Role>('editor');
  const [days, setDays] = useState<ExpiryDays>('7');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const { formError, setFormError, submitting, submit } = useFormSubmission(NO_FIELDS);
  const headingId = useId();

  // The organisation chosen may have left since: fall back to the first one.
  const chosen = organisations.some((o) => o.id === organisationId)
    ? organisationId
    : (organisations[0]?.id ?? '');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen === '') {
      setFormError(t('invitations.noOrganisation'));
      return;
    }
    await submit({}, async () => {
      const invitation = await createInvitation(partnership.id, {
        organisationId: chosen,
        role,
        expiresInDays: Number(days),
      });
      setCreated(invitation);
      onCreated();
    });
  }

  const createdOrganisation = organisations.find((o) => o.id === created?.organisationId);

  return (
    <form
      className="form"
      aria-labelledby={headingId}
      onSubmit={handleSubmit}
      noValidate
      data-testid="invite-form"
    >
      <h3 id={headingId} className="subsection-title">
        {t('invitations.new')}
      </h3>
      <p className="muted small">{t('invitations.intro')}</p>
      <FormError message={formError} />
      <SelectField
        name="organisationId"
        label={t('invitations.organisation')}
        value={chosen}
        onChange={setOrganisationId}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField
        name="role"
        label={t('members.role')}
        hint={t(roleDescriptionKey(role))}
        value={role}
        onChange={setRole}
        options={roles.map((value) => ({ value, label: t(roleLabelKey(value)) }))}
      />
      <SelectField
        name="expiresInDays"
        label={t('invitations.expiry')}
        value={days}
        onChange={setDays}
        options={EXPIRY_DAYS.map((value) => ({
          value,
          label: t('invitations.days', { count: Number(value) }),
        }))}
      />
      <SubmitRow
        submitting={submitting}
        label={t('invitations.create')}
        busyLabel={t('invitations.creating')}
      />
      {created !== null && (
        <div className="notice notice--success invitation-created" role="status">
          <p className="notice__title">{t('invitations.created')}</p>
          <p>
            {t('invitations.createdFor', {
              organisation: createdOrganisation?.name ?? '',
              role: t(roleLabelKey(created.role)),
              date: formatDate(created.expiresAt),
            })}
          </p>
          <CopyLink url={created.url} label={t('invitations.linkLabel')} testId="invitation-link" />
          <p className="muted small">{t('invitations.linkOnce')}</p>
        </div>
      )}
    </form>
  );
}

function stateLabel(t: Translate, state: InvitationState): string {
  switch (state) {
    case 'pending':
      return t('invitations.status.pending');
    case 'used':
      return t('invitations.status.used');
    case 'expired':
      return t('invitations.status.expired');
    case 'revoked':
      return t('invitations.status.revoked');
  }
}

function InvitationList({
  invitations,
  detail,
  onRevoked,
  onError,
}: {
  invitations: Invitation[];
  detail: PartnershipDetail;
  onRevoked: () => void;
  onError: (message: string) => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const [busy, setBusy] = useState<string | null>(null);
  if (invitations.length === 0) return <p className="muted small">{t('invitations.empty')}</p>;

  const now = Date.now();
  const order: Record<InvitationState, number> = { pending: 0, used: 1, expired: 2, revoked: 3 };
  const sorted = [...invitations].sort(
    (a, b) =>
      order[invitationState(a, now)] - order[invitationState(b, now)] || b.createdAt - a.createdAt,
  );
  const organisation = (id: string) => detail.organisations.find((o) => o.id === id);
  const person = (id: string | null) => {
    const member = detail.members.find((m) => m.id === id);
    return member ? personLabel(t, member, organisation(member.organisationId)?.name) : null;
  };

  async function revoke(invitation: Invitation) {
    setBusy(invitation.id);
    try {
      await revokeInvitation(detail.partnership.id, invitation.id);
      onRevoked();
    } catch (error) {
      onError(errorMessage(t, error));
    }
    setBusy(null);
  }

  return (
    <ul className="invitation-list">
      {sorted.map((invitation) => {
        const state = invitationState(invitation, now);
        const org = organisation(invitation.organisationId);
        const usedBy = person(invitation.usedBy);
        const createdBy = person(invitation.createdBy);
        return (
          <li
            key={invitation.id}
            className="invitation-item"
            data-testid="invitation-item"
            data-state={state}
          >
            <div className="invitation-item__main">
              <span className="invitation-item__who">
                <ColourDot colour={org?.colour ?? ''} />
                <span>
                  {org?.name ?? t('person.unknownOrganisation')} ·{' '}
                  {t(roleLabelKey(invitation.role))}
                </span>
              </span>
              <span className={`status-badge status-badge--${state}`}>{stateLabel(t, state)}</span>
            </div>
            <p className="invitation-item__meta small muted">
              {state === 'used' && usedBy !== null
                ? t('invitations.usedBy', {
                    person: usedBy,
                    date: formatDate(invitation.usedAt ?? 0),
                  })
                : state === 'pending'
                  ? t('invitations.expiresOn', { date: formatDate(invitation.expiresAt) })
                  : state === 'revoked'
                    ? t('invitations.revokedOn', { date: formatDate(invitation.revokedAt ?? 0) })
                    : t('invitations.expiredOn', { date: formatDate(invitation.expiresAt) })}
              {createdBy !== null && (
                <>
                  {' · '}
                  {t('invitations.createdBy', { person: createdBy })}
                </>
              )}
            </p>
            {state === 'pending' && (
              <button
                type="button"
                className="button button--danger-ghost button--small"
                onClick={() => revoke(invitation)}
                disabled={busy === invitation.id}
                data-testid="revoke-invitation"
                aria-label={t('invitations.revokeNamed', {
                  organisation: org?.name ?? '',
                  role: t(roleLabelKey(invitation.role)),
                })}
              >
                {t('invitations.revoke')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
