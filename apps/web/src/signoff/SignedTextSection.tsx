import { useEffect, useState } from 'react';
import { errorMessage } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { fetchAgreementText } from './api.ts';
import { SignedText } from './SignedText.tsx';
import type { AgreementText } from './schemas.ts';

/** The locked text as the server renders it, on request (it can be long). */
export function SignedTextSection({
  documentId,
  version,
}: {
  documentId: string;
  version: number;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<AgreementText | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || text?.version === version) return;
    const controller = new AbortController();
    fetchAgreementText(documentId, controller.signal).then(setText, (failure: unknown) => {
      if (!controller.signal.aborted) setError(errorMessage(t, failure));
    });
    return () => controller.abort();
  }, [open, documentId, version, text, t]);

  return (
    <details className="signoff__text" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('signoff.readText', { version })}</summary>
      <p className="signoff__text-note">{t('signoff.textNote')}</p>
      {error && <p className="field-error">{error}</p>}
      {text && <SignedText blocks={text.document.blocks} />}
    </details>
  );
}
