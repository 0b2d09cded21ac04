import { can } from '@accord/domain';
import type { AccordConnection } from '@accord/sync/client';
import { useState } from 'react';
import { errorMessage } from '../api/index.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { ColourDot, personName, type Role } from '../people/index.ts';
import { closeReviewRound } from './api.ts';
import { MarkReviewForm } from './MarkReviewForm.tsx';
import { OpenRoundForm } from './OpenRoundForm.tsx';
import type { ReviewRound, ReviewRounds } from './schemas.ts';
import { useReviewRounds } from './useReviewRounds.ts';

interface ReviewStripProps {
  documentId: string;
  /** My role in the partnership (the server checks every action again). */
  role: Role;
  /** My organisation, whose review I may mark. */
  organisationId: string | null;
  archived: boolean;
  /** The document's connection: its `review.changed` events keep the strip current. */
  connection: AccordConnection | null;
}

/**
 * The document's review round, compact, under its title: the deadline, which organisations have
 * reviewed (with their summaries) and which have not, "mark our review done" for my
 * organisation, and open / close for facilitators.
 */
export function ReviewStrip({
  documentId,
  role,
  organisationId,
  archived,
  connection,
}: ReviewStripProps) {
  const t = useT();
  const { rounds, apply } = useReviewRounds(documentId, connection);
  const manage = can(role, 'review.manage');

  if (rounds.state === 'loading') return null;
  if (rounds.state === 'error') {
    return (
      <section className="review-strip" aria-labelledby="review-title" data-testid="review-strip">
        <h2 id="review-title" className="review-strip__title">
          {t('review.title')}
        </h2>
        <p className="field-error">{errorMessage(t, rounds.error)}</p>
      </section>
    );
  }
  const { current } = rounds.data;
  return (
    <section className="review-strip" aria-labelledby="review-title" data-testid="review-strip">
      <h2 id="review-title" className="review-strip__title">
        {t('review.title')}
      </h2>
      {current === null ? (
        <NoRound
          data={rounds.data}
          canOpen={manage && !archived}
          documentId={documentId}
          onOpened={apply}
        />
      ) : (
        <OpenRound
          round={current}
          data={rounds.data}
          manage={manage}
          mayMark={can(role, 'review.mark') && organisationId !== null}
          organisationId={organisationId}
          onChanged={apply}
        />
      )}
    </section>
  );
}

function NoRound({
  data,
  canOpen,
  documentId,
  onOpened,
}: {
  data: ReviewRounds;
  canOpen: boolean;
  documentId: string;
  onOpened: (round: ReviewRound) => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const [opening, setOpening] = useState(false);
  const last = data.history[0];
  return (
    <div className="review-strip__body">
      <p className="review-strip__status" data-testid="review-status">
        {t('review.none')}
        {last?.closedAt != null && (
          <>
            {' '}
            {t('review.lastClosed', {
              date: formatDate(last.closedAt),
              done: last.marks.length,
              total: data.organisations.length,
            })}
          </>
        )}
      </p>
      {canOpen &&
        (opening ? (
          <OpenRoundForm
            documentId={documentId}
            onOpened={(round) => {
              setOpening(false);
              onOpened(round);
            }}
            onCancel={() => setOpening(false)}
          />
        ) : (
          <button type="button" className="button" onClick={() => setOpening(true)}>
            {t('review.open')}
          </button>
        ))}
    </div>
  );
}

function OpenRound({
  round,
  data,
  manage,
  mayMark,
  organisationId,
  onChanged,
}: {
  round: ReviewRound;
  data: ReviewRounds;
  manage: boolean;
  mayMark: boolean;
  organisationId: string | null;
  onChanged: (round: ReviewRound) => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const [closeError, setCloseError] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const marks = new Map(round.marks.map((mark) => [mark.organisationId, mark]));
  const people = new Map(data.people.map((person) => [person.id, person]));
  const done = data.organisations.filter((o) => marks.has(o.id)).length;
  const overdue = round.deadline < Date.now();
  const mine = organisationId !== null && data.organisations.some((o) => o.id === organisationId);

  async function close() {
    setClosing(true);
    setCloseError(null);
    try {
      onChanged(await closeReviewRound(round.documentId, round.id));
    } catch (error) {
      setCloseError(errorMessage(t, error));
    }
    setClosing(false);
  }

  return (
    <div className="review-strip__body">
      <p className="review-strip__status" data-testid="review-status">
        <span className={overdue ? 'review-strip__deadline is-overdue' : 'review-strip__deadline'}>
          {t(overdue ? 'review.overdue' : 'review.due', { date: formatDate(round.deadline) })}
        </span>{' '}
        <span data-testid="review-progress">
          {t('review.progress', { done, total: data.organisations.length })}
        </span>
      </p>
      <ul className="review-strip__organisations" aria-label={t('review.organisations')}>
        {data.organisations.map((organisation) => {
          const mark = marks.get(organisation.id);
          const by = mark ? people.get(mark.markedBy) : undefined;
          return (
            <li
              key={organisation.id}
              className={mark ? 'review-org is-done' : 'review-org'}
              data-testid="review-organisation"
              data-state={mark ? 'done' : 'pending'}
            >
              <span className="review-org__name">
                <ColourDot colour={organisation.colour} />
                {organisation.name}
              </span>
              <span className="review-org__state">
                {mark ? (
                  <>
                    <span aria-hidden="true">✓ </span>
                    {t('review.done', {
                      name: personName(t, { name: by?.name ?? null }),
                      date: formatDate(mark.markedAt),
                    })}
                  </>
                ) : (
                  t('review.pending')
                )}
              </span>
              {mark && mark.summary !== '' && (
                <p className="review-org__summary" data-testid="review-summary">
                  {mark.summary}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="review-strip__actions">
        {mayMark && mine && organisationId !== null && (
          <MarkReviewForm
            round={round}
            mark={marks.get(organisationId) ?? null}
            onMarked={onChanged}
          />
        )}
        {manage && (
          <button type="button" className="button button--ghost" onClick={close} disabled={closing}>
            {t('review.close')}
          </button>
        )}
      </div>
      {closeError && (
        <p className="field-error" role="alert">
          {closeError}
        </p>
      )}
    </div>
  );
}
