// The shell: the header (menu of the role's screens, language switch, account), and the screen of the route.
import type { ComponentChild } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Account } from './api/types';
import { FailureNotice, Loading } from './components/FailureNotice';
import { useI18n } from './i18n/i18n';
import { SCREEN_LABELS, homeOf, mayUse, screensOf, type Screen } from './nav';
import { href, navigate, useRoute, type Route } from './router';
import { CitizenDossier } from './screens/citizen/CitizenDossier';
import { CitizenPortal } from './screens/citizen/CitizenPortal';
import { ProcedureInfo } from './screens/citizen/ProcedureInfo';
import { SubmitOnline } from './screens/citizen/SubmitOnline';
import { CounterScreen } from './screens/counter/CounterScreen';
import { ReceiptSlip } from './screens/counter/ReceiptSlip';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { DossierScreen } from './screens/dossier/DossierScreen';
import { InboxScreen } from './screens/inbox/InboxScreen';
import { DossierListScreen } from './screens/list/DossierListScreen';
import { LoginScreen } from './screens/login/LoginScreen';
import { AdminScreen } from './screens/admin/AdminScreen';
import { TrackScreen } from './screens/tracking/TrackScreen';
import { loginHref, useSession } from './session';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to), [to]);
  return null;
}

function Forbidden() {
  const { t } = useI18n();
  return (
    <p class="notice notice--error" role="alert" data-testid="forbidden">
      {t('app.forbidden')}
    </p>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <p class="notice notice--error" role="alert">
      {t('app.not_found')} <a href="#/">{t('app.home')}</a>
    </p>
  );
}

// The screen of a route that needs a logged-in account (of a role that uses `screen`, when given).
function Guarded({ account, screen, render }: { account: Account | null; screen?: Screen; render: (account: Account) => ComponentChild }) {
  if (!account) return <Redirect to={loginHref()} />;
  if (screen && !mayUse(account.role, screen)) return <Forbidden />;
  return <>{render(account)}</>;
}

function ScreenOf({ route, account }: { route: Route; account: Account | null }) {
  const [first, second, third] = route.segments;
  switch (first) {
    case undefined:
      return <Redirect to={href([homeOf(account?.role)])} />;
    case 'dang-nhap':
      return <LoginScreen next={route.query.get('next')} />;
    case 'quay':
      return (
        <Guarded
          account={account}
          screen="quay"
          render={(a) => (second === 'phieu' && third ? <ReceiptSlip code={third} /> : <CounterScreen account={a} />)}
        />
      );
    case 'hop-thu':
      return <Guarded account={account} screen="hop-thu" render={(a) => <InboxScreen account={a} />} />;
    case 'ho-so':
      return second ? (
        <Guarded account={account} render={(a) => <DossierScreen code={second} account={a} />} />
      ) : (
        <Guarded account={account} screen="ho-so" render={(a) => <DossierListScreen account={a} route={route} />} />
      );
    case 'cong-dan':
      if (second === 'thu-tuc' && third) return <ProcedureInfo code={third} account={account} />;
      if (second === 'nop' && third) {
        return (
          <Guarded account={account} render={(a) => (a.role === 'citizen' ? <SubmitOnline code={third} account={a} /> : <Forbidden />)} />
        );
      }
      if (second === 'ho-so' && third) {
        return (
          <Guarded account={account} render={(a) => (a.role === 'citizen' ? <CitizenDossier code={third} account={a} /> : <Forbidden />)} />
        );
      }
      return <CitizenPortal account={account} />;
    case 'tra-cuu':
      return <TrackScreen code={second ?? null} pin={route.query.get('pin')} account={account} />;
    case 'giam-sat':
      return <Guarded account={account} screen="giam-sat" render={(a) => <DashboardScreen account={a} route={route} />} />;
    case 'quan-tri':
      return <Guarded account={account} screen="quan-tri" render={() => <AdminScreen tab={second} />} />;
    default:
      return <NotFound />;
  }
}

function Header({ route }: { route: Route }) {
  const { t, lang, setLang } = useI18n();
  const { account, signOut } = useSession();
  const current = route.segments[0];
  return (
    <header class="app-header no-print">
      <button type="button" class="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skip')}
      </button>
      <a class="brand" href="#/">
        <span class="brand__mark" aria-hidden="true">
          ⌂
        </span>
        <span>{t('app.name')}</span>
      </a>
      <nav class="app-nav" aria-label={t('app.menu')}>
        {screensOf(account?.role).map((screen) => (
          <a
            key={screen}
            href={href([screen])}
            class={current === screen ? 'app-nav__link app-nav__link--current' : 'app-nav__link'}
            aria-current={current === screen ? 'page' : undefined}
            data-testid={`nav-${screen}`}
          >
            {t(SCREEN_LABELS[screen])}
          </a>
        ))}
      </nav>
      <div class="app-header__end">
        <button
          type="button"
          class="link-button"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          lang={lang === 'vi' ? 'en' : 'vi'}
          data-testid="lang-switch"
        >
          {lang === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
        {account ? (
          <>
            <span class="account" data-testid="account" data-role={account.role}>
              {account.display_name || account.login}
              <span class="muted"> · {t(`role.${account.role}`)}</span>
            </span>
            <button type="button" class="link-button" onClick={() => void signOut()} data-testid="logout">
              {t('nav.logout')}
            </button>
          </>
        ) : (
          current !== 'dang-nhap' && (
            <a href={loginHref()} class="link-button" data-testid="login-link">
              {t('nav.login')}
            </a>
          )
        )}
      </div>
    </header>
  );
}

// On a new screen (not a new query on the same one): the title names it, and the focus moves to the content so
// that a screen reader starts there.
function useScreenChange(route: Route): void {
  const { t } = useI18n();
  const path = route.segments.join('/');
  const first = route.segments[0] as Screen | undefined;
  const label = first && first in SCREEN_LABELS ? t(SCREEN_LABELS[first]) : '';
  useEffect(() => {
    document.title = label ? `${label} — ${t('app.name')}` : t('app.name');
  }, [label]);
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
}

export function App() {
  const route = useRoute();
  const { account, ready, startFailure, recheck } = useSession();
  useScreenChange(route);
  return (
    <>
      <Header route={route} />
      <main id="main" tabIndex={-1} class="app-main">
        {ready ? (
          <ScreenOf route={route} account={account} />
        ) : startFailure ? (
          <FailureNotice failure={startFailure} onRetry={recheck} />
        ) : (
          <Loading />
        )}
      </main>
    </>
  );
}
