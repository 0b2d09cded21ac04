import type { Directory } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { ColourDot, groupByOrganisation, personLabel } from '../identity/index.ts';
import type { Participant } from './participants.ts';

interface PresencePanelProps {
  participants: Participant[];
  directory: Directory;
}

/** Who is here, grouped by organisation: "Name (Organisation)" with their colour. */
export function PresencePanel({ participants, directory }: PresencePanelProps) {
  const t = useT();
  // The directory's name wins over the one a client announces about itself.
  const organisationNameOf = (participant: Participant) =>
    directory.organisations.find((organisation) => organisation.id === participant.organisationId)
      ?.name ?? participant.organisationName;
  const groups = groupByOrganisation(
    participants,
    (participant) => ({
      id: participant.organisationId ?? '',
      name: organisationNameOf(participant),
    }),
    directory.organisations,
  );
  const others = participants.filter((participant) => !participant.isSelf).length;

  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence__title">
        {t('presence.title')}
        <span className="presence__count" aria-hidden="true">
          {participants.length}
        </span>
        <span className="visually-hidden">
          {t('presence.count', { count: participants.length })}
        </span>
      </h2>
      <div data-testid="presence-list" className="presence__groups">
        {groups.map((group) => {
          const organisation = group.organisationName ?? t('person.unknownOrganisation');
          return (
            <div key={group.organisationId} className="presence__group">
              <h3 className="presence__organisation">
                {t('presence.organisation', { organisation, count: group.members.length })}
              </h3>
              <ul className="presence__people">
                {group.members.map((participant) => {
                  const label = personLabel(t, participant.name, group.organisationName);
                  return (
                    <li
                      key={participant.key}
                      className="presence-item"
                      data-testid="presence-item"
                      data-self={participant.isSelf ? 'true' : undefined}
                      data-person-id={participant.personId ?? undefined}
                    >
                      <ColourDot colour={participant.colour} />
                      <span className="presence-item__label">
                        {participant.isSelf ? t('presence.self', { name: label }) : label}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
      {others === 0 && <p className="presence__alone muted small">{t('presence.alone')}</p>}
    </section>
  );
}
