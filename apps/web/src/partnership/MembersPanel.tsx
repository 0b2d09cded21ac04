import { can } from '@accord/domain';
import { type CSSProperties, useId, useState } from 'react';
import {
  ApiError,
  errorMessage,
  issuePasswordReset,
  type Me,
  type Member,
  type ParticipantOrganisation,
  type PasswordResetLink,
  type Role,
  removeMember,
  removeOrganisation,
  updateMember,
} from '../api/index.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import {
  ColourDot,
  groupByOrganisation,
  personLabel,
  personName,
  roleLabelKey,
  roles,
  sectorLabelKey,
} from '../people/index.ts';
import { ConfirmDialog, CopyLink, Dialog } from '../ui/index.ts';
import { AddOrganisationForm } from './AddOrganisationForm.tsx';
import { RoleBadge, SignatoryBadge } from './badges.tsx';
import type { PanelProps } from './PartnershipPage.tsx';

type Pending =
  | { kind: 'remove-member'; member: Member }
  | { kind: 'remove-organisation'; organisation: ParticipantOrganisation; count: number }
  | null;

/**
 * Who takes part: each organisation (colour, sector) with its people (role, signatory). A
 * facilitator also changes roles and signatories, removes people and organisations, issues
 * password-reset links and adds organisations.
 */
export function MembersPanel({ detail, refresh, toast, me }: PanelProps & { me: Me }) {
  const t = useT();
  const { partnership, membership, organisations, members } = detail;
  const manage = can(membership.role, 'member.changeRole');
  const groups = groupByOrganisation(members, (member) => member.organisationId, organisations, {
    keepEmpty: true,
  });
  const [pending, setPending] = useState<Pending>(null);
  const [pendingError, setPendingError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetLink, setResetLink] = useState<{ member: Member; link: PasswordResetLink } | null>(
    null,
  );

  const organisationName = (id: string) => organisations.find((o) => o.id === id)?.name ?? null;
  const label = (member: Member) => personLabel(t, member, organisationName(member.organisationId));

  function ask(next: NonNullable<Pending>) {
    setPendingError(null);
    setPending(next);
  }

  async function confirmPending() {
    if (pending === null) return;
    setBusy(true);
    setPendingError(null);
    try {
      if (pending.kind === 'remove-member') {
        await removeMember(partnership.id, pending.member.id);
        toast(t('members.removed', { person: label(pending.member) }));
      } else {
        await removeOrganisation(partnership.id, pending.organisation.id);
        toast(t('organisations.removed', { organisation: pending.organisation.name }));
      }
      setPending(null);
      refresh();
    } catch (error) {
      setPendingError(errorMessage(t, error));
    }
    setBusy(false);
  }

  async function issueReset(member: Member) {
    try {
      const link = await issuePasswordReset(partnership.id, member.id);
      setResetLink({ member, link });
    } catch (error) {
      toast(errorMessage(t, error));
    }
  }

  return (
    <section className="panel" aria-labelledby="members-title" data-testid="members-panel">
      <h2 id="members-title" className="panel__title">
        {t('members.title')}
      </h2>
      <div className="organisation-groups">
        {groups.map((group) => {
          const organisation = group.organisation;
          const headingId = `organisation-${group.organisationId}`;
          return (
            <section
              key={group.organisationId}
              className="organisation-group"
              aria-labelledby={headingId}
              data-testid="organisation-group"
              data-organisation-id={group.organisationId}
              style={{ '--organisation-colour': organisation?.colour } as CSSProperties}
            >
              <div className="organisation-group__header">
                <ColourDot colour={organisation?.colour ?? ''} />
                <h3 id={headingId} className="organisation-group__name">
                  {organisation?.name ?? t('person.unknownOrganisation')}
                </h3>
                {organisation && (
                  <span className="sector-badge">{t(sectorLabelKey(organisation.sector))}</span>
                )}
                {organisation && can(membership.role, 'organisation.remove') && (
                  <button
                    type="button"
                    className="button button--danger-ghost button--small organisation-group__remove"
                    data-testid="remove-organisation"
                    aria-label={t('organisations.removeNamed', { organisation: organisation.name })}
                    onClick={() =>
                      ask({
                        kind: 'remove-organisation',
                        organisation,
                        count: group.members.length,
                      })
                    }
                  >
                    {t('organisations.remove')}
                  </button>
                )}
              </div>
              {group.members.length === 0 ? (
                <p className="muted small organisation-group__empty">{t('members.noneYet')}</p>
              ) : (
                <ul className="member-list">
                  {group.members.map((member) => (
                    <MemberRow
                      key={member.id}
                      member={member}
                      organisationName={organisation?.name ?? null}
                      isSelf={member.id === me.person.id}
                      manage={manage}
                      partnershipId={partnership.id}
                      refresh={refresh}
                      toast={toast}
                      onRemove={() => ask({ kind: 'remove-member', member })}
                      onReset={() => issueReset(member)}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {can(membership.role, 'organisation.add') && (
        <AddOrganisationForm
          partnershipId={partnership.id}
          usedColours={organisations.map((o) => o.colour)}
          onAdded={(name) => {
            toast(t('organisations.added', { organisation: name }));
            refresh();
          }}
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'remove-organisation'
            ? t('organisations.removeTitle')
            : t('members.removeTitle')
        }
        confirmLabel={
          pending?.kind === 'remove-organisation'
            ? t('organisations.removeConfirmButton')
            : t('members.removeConfirmButton')
        }
        onConfirm={confirmPending}
        onCancel={() => setPending(null)}
        busy={busy}
        error={pendingError}
      >
        {pending?.kind === 'remove-member' && (
          <p>{t('members.removeConfirm', { person: label(pending.member) })}</p>
        )}
        {pending?.kind === 'remove-organisation' && (
          <>
            <p>{t('organisations.removeConfirm', { organisation: pending.organisation.name })}</p>
            <p>{t('organisations.removeConsequences', { count: pending.count })}</p>
          </>
        )}
      </ConfirmDialog>
      <ResetLinkDialog
        value={resetLink}
        label={resetLink ? label(resetLink.member) : ''}
        onClose={() => setResetLink(null)}
      />
    </section>
  );
}

interface MemberRowProps {
  member: Member;
  organisationName: string | null;
  isSelf: boolean;
  manage: boolean;
  partnershipId: string;
  refresh: () => void;
  toast: (message: string) => void;
  onRemove: () => void;
  onReset: () => void;
}

function MemberRow({
  member,
  organisationName,
  isSelf,
  manage,
  partnershipId,
  refresh,
  toast,
  onRemove,
  onReset,
}: MemberRowProps) {
  const t = useT();
  const roleId = useId();
  const errorId = useId();
  const [role, setRole] = useState<Role>(member.role);
  const [signatory, setSignatory] = useState(member.signatory);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = personName(t, member);
  const label = personLabel(t, member, organisationName);

  // A refresh brings the server's truth.
  const [seen, setSeen] = useState(member);
  if (seen !== member) {
    setSeen(member);
    setRole(member.role);
    setSignatory(member.signatory);
  }

  async function save(patch: { role?: Role; signatory?: boolean }) {
    setSaving(true);
    setError(null);
    try {
      await updateMember(partnershipId, member.id, patch);
      toast(
        patch.role !== undefined
          ? t('members.roleChanged', { person: label, role: t(roleLabelKey(patch.role)) })
          : patch.signatory
            ? t('members.signatoryOn', { person: label })
            : t('members.signatoryOff', { person: label }),
      );
      refresh();
    } catch (caught) {
      setRole(member.role);
      setSignatory(member.signatory);
      setError(
        caught instanceof ApiError && caught.code === 'last_facilitator'
          ? t('members.lastFacilitator')
          : errorMessage(t, caught),
      );
    }
    setSaving(false);
  }

  return (
    <li
      className="member-row"
      data-testid="member-row"
      data-person-id={member.id}
      data-role={member.role}
      aria-describedby={error !== null ? errorId : undefined}
    >
      <div className="member-row__who">
        <ColourDot colour={member.colour} />
        <span className={member.erased ? 'member-row__name muted' : 'member-row__name'}>
          {name}
        </span>
        {!member.erased && (
          <span className="member-row__organisation muted">
            ({organisationName ?? t('person.unknownOrganisation')})
          </span>
        )}
        {isSelf && <span className="member-row__self">{t('members.you')}</span>}
      </div>
      <div className="member-row__status">
        {manage ? (
          <>
            <label htmlFor={roleId} className="visually-hidden">
              {t('members.roleOf', { person: label })}
            </label>
            <select
              id={roleId}
              className="compact-select"
              value={role}
              disabled={saving}
              data-testid="role-select"
              aria-describedby={error !== null ? errorId : undefined}
              onChange={(event) => {
                const next = event.target.value as Role;
                setRole(next);
                void save({ role: next });
              }}
            >
              {roles.map((option) => (
                <option key={option} value={option}>
                  {t(roleLabelKey(option))}
                </option>
              ))}
            </select>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={signatory}
                disabled={saving}
                data-testid="signatory-toggle"
                onChange={(event) => {
                  setSignatory(event.target.checked);
                  void save({ signatory: event.target.checked });
                }}
              />
              <span>
                {t('members.signatory')}
                <span className="visually-hidden"> — {label}</span>
              </span>
            </label>
          </>
        ) : (
          <>
            <RoleBadge role={member.role} />
            {member.signatory && <SignatoryBadge />}
          </>
        )}
      </div>
      {manage && (
        <div className="member-row__actions">
          {!member.erased && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={onReset}
              data-testid="issue-reset"
              aria-label={t('members.resetLinkFor', { person: label })}
            >
              {t('members.resetLink')}
            </button>
          )}
          <button
            type="button"
            className="button button--danger-ghost button--small"
            onClick={onRemove}
            data-testid="remove-member"
            aria-label={t('members.removeNamed', { person: label })}
          >
            {t('members.remove')}
          </button>
        </div>
      )}
      {error !== null && (
        <p id={errorId} className="field-error member-row__error" role="alert">
          <span aria-hidden="true" className="field-error__icon">
            !
          </span>
          {error}
        </p>
      )}
    </li>
  );
}

function ResetLinkDialog({
  value,
  label,
  onClose,
}: {
  value: { member: Member; link: PasswordResetLink } | null;
  label: string;
  onClose: () => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  return (
    <Dialog
      open={value !== null}
      title={t('members.resetTitle')}
      onClose={onClose}
      size="normal"
      testId="reset-link-dialog"
    >
      {value !== null && (
        <>
          <p>{t('members.resetIntro', { person: label })}</p>
          {value.link.emailed === true && (
            <p className="notice notice--success" role="status" data-testid="reset-link-emailed">
              {t('members.resetEmailed', { person: label })}
            </p>
          )}
          <CopyLink
            url={value.link.url}
            label={t('members.resetLinkLabel', { date: formatDate(value.link.expiresAt) })}
            testId="reset-link"
          />
          <p className="muted small">{t('members.resetWarning')}</p>
        </>
      )}
    </Dialog>
  );
}
