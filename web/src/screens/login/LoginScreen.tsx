// Log in with a login and a password; then back to where the user was going, or to the role's home.
import { useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../../api/client';
import { logIn } from '../../api/session';
import { FailureNotice } from '../../components/FailureNotice';
import { TextField } from '../../components/fields';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useI18n } from '../../i18n/i18n';
import { homeOf } from '../../nav';
import { href, navigate } from '../../router';
import { useSession } from '../../session';

export function LoginScreen({ next }: { next: string | null }) {
  const { t } = useI18n();
  const session = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [pending, setPending] = useState(false);
  const fieldErrors = useFieldErrors(failure);

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!login.trim()) found['login'] = t('login.login_required');
    if (!password) found['password'] = t('login.password_required');
    fieldErrors.setOwn(found);
    if (Object.keys(found).length === 0) send();
  };

  const send = () => {
    setPending(true);
    setFailure(null);
    logIn(login.trim(), password).then(
      (account) => {
        setPending(false);
        session.signedIn(account);
        navigate(next && next.startsWith('/') ? `#${next}` : href([homeOf(account.role)]));
      },
      (error: unknown) => {
        setPending(false);
        if (!isRequestFailure(error)) throw error;
        setFailure(error);
      },
    );
  };

  return (
    <section class="panel panel--narrow">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} noValidate data-testid="login-form">
        <TextField
          id="login-name"
          label={t('login.login')}
          value={login}
          onValue={(v) => {
            fieldErrors.edited('login');
            setLogin(v);
          }}
          autoComplete="username"
          required
          error={fieldErrors.error('login')}
          testid="login-name"
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type="password"
          value={password}
          onValue={(v) => {
            fieldErrors.edited('password');
            setPassword(v);
          }}
          autoComplete="current-password"
          required
          error={fieldErrors.error('password')}
          testid="login-password"
        />
        <FailureNotice failure={failure} fields={['login', 'password']} onRetry={send} />
        <button type="submit" class="button" disabled={pending} data-testid="login-submit">
          {pending ? t('common.sending') : t('login.submit')}
        </button>
      </form>
      <p class="muted">{t('login.public_note')}</p>
    </section>
  );
}
