import { useT } from '../i18n/index.ts';
import { SignInForm } from '../session/SignInForm.tsx';
import { Dialog } from '../ui/index.ts';

interface ReauthDialogProps {
  open: boolean;
  /** The email of the person who was signed in, offered again. */
  email: string | null;
  unsaved: boolean;
  onSignedIn: () => void;
  onCancel: () => void;
}

/**
 * "Sign in again" over the document: the editor, its Y.Doc and the provider stay as they are,
 * so nothing typed is lost; after sign-in the caller reconnects the provider.
 */
export function ReauthDialog({ open, email, unsaved, onSignedIn, onCancel }: ReauthDialogProps) {
  const t = useT();
  return (
    <Dialog
      open={open}
      title={t('reauth.title')}
      onClose={onCancel}
      testId="reauth-dialog"
      size="small"
    >
      <p>{t('reauth.intro')}</p>
      <p className={unsaved ? 'notice notice--warning' : 'muted small'}>
        {unsaved ? t('reauth.unsavedKept') : t('reauth.nothingLost')}
      </p>
      <SignInForm
        initialEmail={email}
        onSignedIn={onSignedIn}
        submitLabel={t('reauth.submit')}
        inDialog
      />
    </Dialog>
  );
}
