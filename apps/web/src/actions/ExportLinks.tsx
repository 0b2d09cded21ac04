import { useT } from '../i18n/index.ts';

/** Download links: plain links to the API, so the browser saves the file with its name. */
export function ExportLinks({ url }: { url: (ext: '.csv' | '.ics') => string }) {
  const t = useT();
  return (
    <p className="actions-exports">
      <a className="button" href={url('.csv')} download data-testid="actions-csv">
        {t('actions.exportCsv')}
      </a>
      <a className="button" href={url('.ics')} download data-testid="actions-ics">
        {t('actions.exportIcs')}
      </a>
    </p>
  );
}
