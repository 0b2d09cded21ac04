import { useT } from '../i18n/index.ts';
import { type Role, roleLabelKey } from '../people/index.ts';

/** "Animation", "Rédaction"…: the role, labelled as a role for screen readers. */
export function RoleBadge({ role, withLabel = true }: { role: Role; withLabel?: boolean }) {
  const t = useT();
  return (
    <span className={`badge badge--role badge--${role}`} data-role={role}>
      {withLabel && <span className="visually-hidden">{t('members.rolePrefix')} </span>}
      {t(roleLabelKey(role))}
    </span>
  );
}

export function SignatoryBadge() {
  const t = useT();
  return (
    <span className="badge badge--signatory" data-testid="signatory-badge">
      <svg viewBox="0 0 16 16" aria-hidden="true" className="badge__icon">
        <path d="M2 12.5c2-1 3-4 4.5-4s0 3 1.5 3 2-2 3-2 1 1.5 3 1.5" />
      </svg>
      {t('members.signatory')}
    </span>
  );
}
