import type { CSSProperties } from 'react';
import type { ParticipantOrganisation } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { ColourDot, groupByOrganisation, personLabel, safeColour } from '../people/index.ts';
import type { Participant } from './participants.ts';

interface PresencePanelProps {
  participants: Participant[];
  /** The partnership's organisations, when known: their order and colours. */
  organisations: readonly ParticipantOrganisation[];
}

/** Who is here, grouped by organisation in its colour: "Name (Organisation)". */
export function PresencePanel({ participants, organisations }: PresencePanelProps) {
  const t = useT();
  const groups = groupByOrganisation(
    participants,
    (participant) => participant.organisationId ?? '',
    organisations,
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
          const first = group.members[0];
          const organisationName =
            group.organisation?.name ?? first?.organisationName ?? t('person.unknownOrganisation');
          const colour = safeColour(
            group.organisation?.colour ??
              group.members.find((m) => m.organisationColour !== null)?.organisationColour,
          );
          return (
            <div
              key={group.organisationId}
              className="presence__group"
              data-organisation-id={group.organisationId}
              style={{ '--organisation-colour': colour } as CSSProperties}
            >
              <h3 className="presence__organisation">
                <ColourDot colour={colour} />
                <span>
                  {t('presence.organisation', {
                    organisation: organisationName,
                    count: group.members.length,
                  })}
                </span>
              </h3>
              <ul className="presence__people">
                {group.members.map((participant) => {
                  const label = personLabel(t, participant, organisationName);
                  return (
                    <li
                      key={participant.key}
                      className="presence-item"
                      data-testid="presence-item"
                      data-self={participant.isSelf ? 'true' : undefined}
                      data-person-id={participant.personId ?? undefined}
                      data-organisation-id={participant.organisationId ?? undefined}
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
