import type { DocumentKind } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { kindLabelKey } from './kind.ts';

export function KindBadge({ kind }: { kind: DocumentKind }) {
  const t = useT();
  return <span className={`kind-badge kind-badge--${kind}`}>{t(kindLabelKey(kind))}</span>;
}
