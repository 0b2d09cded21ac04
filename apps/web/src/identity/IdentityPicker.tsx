import type { Directory, Person } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { ColourDot } from './ColourDot.tsx';
import { groupByOrganisation, personLabel } from './identity.ts';

interface IdentityPickerProps {
  directory: Directory;
  currentPersonId: string | null;
  onChoose: (person: Person) => void;
  /** Heading level of the organisation names, to fit the surrounding outline. */
  headingLevel?: 2 | 3;
}

/** The partnership's people, grouped by organisation; one button per person. */
export function IdentityPicker({
  directory,
  currentPersonId,
  onChoose,
  headingLevel = 3,
}: IdentityPickerProps) {
  const t = useT();
  const groups = groupByOrganisation(
    directory.people,
    (person) => ({ id: person.organisationId, name: null }),
    directory.organisations,
  );
  if (groups.length === 0) return <p className="muted">{t('identity.noPeople')}</p>;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <div className="identity-picker">
      {groups.map((group) => (
        <section key={group.organisationId} className="identity-picker__group">
          <Heading className="identity-picker__organisation">
            {group.organisationName ?? t('person.unknownOrganisation')}
          </Heading>
          <ul className="identity-picker__people">
            {group.members.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="identity-option"
                  data-testid="identity-option"
                  data-person-id={person.id}
                  aria-current={person.id === currentPersonId ? 'true' : undefined}
                  onClick={() => onChoose(person)}
                >
                  <ColourDot colour={person.colour} />
                  <span>{personLabel(t, person.name, group.organisationName)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
