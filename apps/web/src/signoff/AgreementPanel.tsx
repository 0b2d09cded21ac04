import type { AccordConnection } from '@accord/sync/client';
import { useId, useState } from 'react';
import { errorMessage } from '../api/index.ts';
import { paths } from '../app/router.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { ColourDot, personName } from '../people/index.ts';
import { decideAgreement, exportUrl, moveAgreement, withdrawDecision } from './api.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { Fingerprint } from './Fingerprint.tsx';
import { SignedTextSection } from './SignedTextSection.tsx';
import { type AgreementState, type AgreementView, agreementStates } from './schemas.ts';
import { useAgreement } from './useAgreement.ts';
import { useAnnounceToSign } from './useAnnounceToSign.ts';

const stateKeys = {
  draft: 'signoff.states.draft',
  review: 'signoff.states.review',
  signing: 'signoff.states.signing',
  final: 'signoff.states.final',
} as const satisfies Record<AgreementState, string>;

/**
 * The agreement's lifecycle under its title: where it stands (draft → review → signing → final),
 * moves for facilitators, and while signing or once final the signing panel: the fingerprint,
 * each party's decision, approve / decline for signatories, the locked text, the final exports.
 */
export function AgreementPanel({
  documentId,
  connection,
}: {
  documentId: string;
  connection: AccordConnection | null;
}) {
  const t = useT();
  const { resource, apply } = useAgreement(documentId, connection);
  useAnnounceToSign(resource.state === 'ready' ? resource.data : null);
  if (resource.state === 'loading') return null;
  if (resource.state === 'error') {
    return (
      <section className="signoff" aria-labelledby="signoff-title">
        <h2 id="signoff-title" className="signoff__title">
          {t('signoff.title')}
        </h2>
        <p className="field-error">{errorMessage(t, resource.error)}</p>
      </section>
    );
  }
  const view = resource.data;
  return (
    <section
      className="signoff"
      aria-labelledby="signoff-title"
      data-testid="signoff"
      data-state={view.agreement.state}
    >
      <h2 id="signoff-title" className="signoff__title">
        {t('signoff.title')}
      </h2>
      <LifecycleBar documentId={documentId} view={view} onChanged={apply} />
      {view.signing !== null && (
        <SigningPanel documentId={documentId} view={view} onChanged={apply} />
      )}
    </section>
  );
}

function LifecycleBar({
  documentId,
  view,
  onChanged,
}: {
  documentId: string;
  view: AgreementView;
  onChanged: (view: AgreementView) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state } = view.agreement;
  const index = agreementStates.indexOf(state);
  const back = state === 'review' ? 'draft' : state === 'signing' ? 'review' : null;
  const forward = state === 'draft' ? 'review' : state === 'review' ? 'signing' : null;

  async function move(to: 'draft' | 'review' | 'signing') {
    setBusy(true);
    setError(null);
    try {
      onChanged(await moveAgreement(documentId, to));
    } catch (failure) {
      setError(errorMessage(t, failure));
    }
    setBusy(false);
  }

  return (
    <div className="signoff__lifecycle">
      <ol className="lifecycle" aria-label={t('signoff.lifecycle')}>
        {agreementStates.map((step, i) => (
          <li
            key={step}
            className={
              i < index
                ? 'lifecycle__step is-done'
                : i === index
                  ? 'lifecycle__step is-current'
                  : 'lifecycle__step'
            }
            aria-current={i === index ? 'step' : undefined}
          >
            <span className="lifecycle__number" aria-hidden="true">
              {i + 1}
            </span>
            {t(stateKeys[step])}
          </li>
        ))}
      </ol>
      <p className="signoff__explain" data-testid="signoff-explain">
        {t(`signoff.explain.${state}`)}
      </p>
      {view.me.canMove && (back !== null || forward !== null) && (
        <div className="signoff__moves">
          {back !== null && (
            <button
              type="button"
              className="button button--ghost"
              disabled={busy}
              onClick={() => move(back)}
            >
              {t(`signoff.moveBack.${back}`)}
            </button>
          )}
          {forward !== null && (
            <button type="button" className="button" disabled={busy} onClick={() => move(forward)}>
              {t(`signoff.moveForward.${forward}`)}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function SigningPanel({
  documentId,
  view,
  onChanged,
}: {
  documentId: string;
  view: AgreementView;
  onChanged: (view: AgreementView) => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const signing = view.signing!;
  const people = new Map(view.people.map((p) => [p.id, p]));
  const final = view.agreement.state === 'final';
  const mine = signing.parties.find((p) => p.organisation.id === view.me.signsFor);
  const [error, setError] = useState<string | null>(null);
  const partiesId = useId();

  async function withdraw(organisationId: string) {
    setError(null);
    try {
      onChanged(await withdrawDecision(documentId, organisationId));
    } catch (failure) {
      setError(errorMessage(t, failure));
    }
  }

  return (
    <div className="signoff__signing">
      <Fingerprint
        label={t('signoff.fingerprint', { version: signing.version })}
        short={signing.shortFingerprint}
        full={signing.fingerprint}
      />
      <h3 id={partiesId} className="signoff__subtitle">
        {t('signoff.parties')}
      </h3>
      <ul className="signoff__parties" aria-labelledby={partiesId}>
        {signing.parties.map(({ organisation, decision }) => {
          const state = decision?.decision ?? 'pending';
          const by = decision ? people.get(decision.personId) : undefined;
          return (
            <li
              key={organisation.id}
              className={`signoff-party is-${state}`}
              data-testid="signoff-party"
              data-state={state}
            >
              <span className="signoff-party__name">
                {organisation.colour && <ColourDot colour={organisation.colour} />}
                {organisation.name}
              </span>
              <span className="signoff-party__state">
                {decision === null
                  ? t('signoff.pending')
                  : t(
                      decision.decision === 'approved'
                        ? 'signoff.approvedBy'
                        : 'signoff.declinedBy',
                      {
                        name: personName(t, { name: by?.name ?? null }),
                        date: formatDate(decision.at),
                      },
                    )}
              </span>
              {decision?.reason && <p className="signoff-party__reason">{decision.reason}</p>}
            </li>
          );
        })}
      </ul>
      {!final &&
        mine &&
        view.me.signsFor !== null &&
        (mine.decision === null ? (
          <DecisionForm
            organisationName={mine.organisation.name}
            fingerprint={signing.fingerprint}
            shortFingerprint={signing.shortFingerprint}
            decide={async (body) => onChanged(await decideAgreement(documentId, body))}
          />
        ) : (
          <p className="signoff__mine">
            {t(
              mine.decision.decision === 'approved'
                ? 'signoff.mineApproved'
                : 'signoff.mineDeclined',
              {
                organisation: mine.organisation.name,
              },
            )}{' '}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => withdraw(mine.organisation.id)}
            >
              {t('signoff.withdraw')}
            </button>
          </p>
        ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {final && (
        <div className="signoff__final">
          <p data-testid="signoff-final">
            {t('signoff.finalSince', {
              date: formatDate(signing.finalAt ?? view.agreement.updatedAt),
            })}
          </p>
          {view.exports.length === 0 ? (
            <p className="signoff__pending-exports">{t('signoff.exportsPending')}</p>
          ) : (
            <>
              <h3 className="signoff__subtitle">{t('signoff.downloads')}</h3>
              <ul className="signoff__downloads">
                {view.exports.map((file) => (
                  <li key={file.name}>
                    <a href={exportUrl(documentId, file.name)} download={file.name}>
                      {file.name}
                    </a>{' '}
                    <span className="signoff__size">
                      {t('signoff.size', { kb: Math.max(1, Math.round(file.size / 1024)) })}
                    </span>
                  </li>
                ))}
              </ul>
              <p>
                <a href={paths.verify()}>{t('signoff.verifyLink')}</a>
              </p>
            </>
          )}
        </div>
      )}
      <SignedTextSection documentId={documentId} version={signing.version} />
    </div>
  );
}
