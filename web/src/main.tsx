// Entry point: the language and the session around the application, rendered into #app.
import { render } from 'preact';
import { App } from './app';
import { I18nProvider } from './i18n/i18n';
import { SessionProvider } from './session';

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>,
    root,
  );
}
