// What a procedure asks for, read by anyone; a citizen goes on to submit it online.
import { fetchProcedure } from '../../api/catalogue';
import type { Account } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { ProcedureDetails } from '../../components/ProcedureDetails';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../router';
import { loginHref } from '../../session';

export function ProcedureInfo({ code, account }: { code: string; account: Account | null }) {
  const { t } = useI18n();
  const procedure = useResource(() => fetchProcedure(code), [code]);
  return (
    <section>
      <p>
        <a href={href(['cong-dan'])}>← {t('citizen.title')}</a>
      </p>
      <FailureNotice failure={procedure.failure} onRetry={procedure.reload} />
      {procedure.loading && !procedure.data && <Loading />}
      {procedure.data && (
        <div class="panel">
          <ProcedureDetails procedure={procedure.data} staff={account !== null && account.role !== 'citizen'} />
          {account?.role === 'citizen' ? (
            <a class="button button--primary" href={href(['cong-dan', 'nop', code])} data-testid="submit-online-link">
              {t('citizen.submit_online')}
            </a>
          ) : (
            !account && (
              <p class="notice notice--info">
                {t('citizen.login_to_submit')} <a href={loginHref()}>{t('nav.login')}</a>
              </p>
            )
          )}
        </div>
      )}
    </section>
  );
}
