// The end of a paged list: "more", the loading state, the failure with "retry", or "nothing here".
import type { PagedList } from '../hooks/usePagedList';
import { useI18n } from '../i18n/i18n';
import { FailureNotice, Loading } from './FailureNotice';

export function PagedFooter<T>({
  list,
  emptyText,
  moreTestid = 'load-more',
}: {
  list: PagedList<T>;
  emptyText: string;
  moreTestid?: string;
}) {
  const { t } = useI18n();
  return (
    <div class="paged-footer">
      {list.loading && <Loading />}
      <FailureNotice failure={list.failure} onRetry={list.retry} />
      {!list.loading && !list.failure && list.items.length === 0 && <p class="muted">{emptyText}</p>}
      {list.hasMore && !list.loading && !list.failure && (
        <button type="button" class="button button--secondary" onClick={list.loadMore} data-testid={moreTestid}>
          {t('common.more')}
        </button>
      )}
    </div>
  );
}
