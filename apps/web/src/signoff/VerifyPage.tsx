import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/index.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { PageLayout } from '../app/PageLayout.tsx';
import { paths } from '../app/router.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { verify } from './api.ts';
import type { DescribedAgreement, VerifyAnswer } from './schemas.ts';

/** Largest file sent for checking (the server refuses more than 16 MiB too). */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * `/verifier`: is this file one of the exports of a final agreement, or does this fingerprint
 * belong to one? The file is hashed on the server and compared with the stored exports: any
 * changed byte is reported as not matching.
 */
export function VerifyPage() {
  const t = useT();
  useDocumentTitle(t('verify.title'));
  const fileId = useId();
  const fingerprintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ answer: VerifyAnswer; subject: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAnswer(null);
    if (!file && fingerprint.trim() === '') {
      setError(t('verify.nothing'));
      return;
    }
    if (file && file.size > MAX_BYTES) {
      setError(t('verify.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      const result = file
        ? await verify({ file: await toBase64(file), name: file.name })
        : await verify({ fingerprint: fingerprint.trim() });
      setAnswer({ answer: result, subject: file ? file.name : fingerprint.trim() });
    } catch (failure) {
      setError(errorMessage(t, failure));
    }
    setBusy(false);
  }

  return (
    <PageLayout>
      <div className="hero">
        <PageHeading>{t('verify.title')}</PageHeading>
        <p>{t('verify.intro')}</p>
      </div>
      <form className="panel verify-form" onSubmit={submit} aria-describedby={`${fileId}-hint`}>
        <div className="field">
          <label htmlFor={fileId}>{t('verify.file')}</label>
          <input
            id={fileId}
            type="file"
            data-testid="verify-file"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <p id={`${fileId}-hint`} className="field-hint">
            {t('verify.fileHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={fingerprintId}>{t('verify.fingerprint')}</label>
          <input
            id={fingerprintId}
            type="text"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            value={fingerprint}
            disabled={file !== null}
            onChange={(event) => setFingerprint(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('verify.submit')}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      <div role="status" aria-live="polite">
        {answer && <VerifyResult answer={answer.answer} subject={answer.subject} />}
      </div>
    </PageLayout>
  );
}

function VerifyResult({ answer, subject }: { answer: VerifyAnswer; subject: string }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const describe = (a: DescribedAgreement) => (
    <li key={`${a.documentId}-${a.version}`}>
      {a.title && a.partnershipId !== null ? (
        <a href={paths.document(a.documentId)}>{a.title}</a>
      ) : (
        t('verify.otherPartnership')
      )}
      {a.version !== null && <> — {t('verify.version', { version: a.version })}</>}
      {a.finalAt !== null && <> — {t('verify.finalAt', { date: formatDate(a.finalAt) })}</>}
    </li>
  );
  if (answer.match === 'export') {
    return (
      <section className="verify-result is-match" data-testid="verify-result" data-match="export">
        <h2>{t('verify.matchExport', { name: subject })}</h2>
        <ul>
          {(answer.files ?? []).map((f) => (
            <li key={`${f.agreement.documentId}-${f.name}`}>
              {t('verify.isFile', { name: f.name })}
              <ul>{describe(f.agreement)}</ul>
            </li>
          ))}
        </ul>
        <p className="verify-result__hash">
          SHA-256 <code>{answer.sha256}</code>
        </p>
      </section>
    );
  }
  if (answer.match === 'fingerprint') {
    return (
      <section
        className="verify-result is-match"
        data-testid="verify-result"
        data-match="fingerprint"
      >
        <h2>{t('verify.matchFingerprint')}</h2>
        <ul>{(answer.agreements ?? []).map(describe)}</ul>
      </section>
    );
  }
  return (
    <section className="verify-result is-none" data-testid="verify-result" data-match="none">
      <h2>{t('verify.none', { name: subject })}</h2>
      <p>{t('verify.noneExplain')}</p>
      {answer.namedFingerprint && (answer.agreements ?? []).length > 0 && (
        <>
          <p>{t('verify.namedFingerprint')}</p>
          <ul>{(answer.agreements ?? []).map(describe)}</ul>
        </>
      )}
      {answer.sha256 && (
        <p className="verify-result__hash">
          SHA-256 <code>{answer.sha256}</code>
        </p>
      )}
    </section>
  );
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
