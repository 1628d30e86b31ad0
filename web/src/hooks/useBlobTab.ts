// Opens a file the API gives only with the session's token (a form's PDF, an attached scan) in a new tab: the tab
// is opened at once, while the click still allows it, and given the file's blob: address once it has arrived; the
// address is released once the tab had time to load it. `opening` names what is on its way, `failure` why the last
// one did not come.
import { useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';

export function useBlobTab() {
  const [opening, setOpening] = useState<string | null>(null);
  const [failure, setFailure] = useState<RequestFailure | null>(null);

  const open = (key: string, load: () => Promise<string>) => {
    const tab = window.open('', '_blank');
    setOpening(key);
    setFailure(null);
    load().then(
      (url) => {
        setOpening(null);
        if (tab) tab.location.href = url;
        else window.location.assign(url);
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
      (cause: unknown) => {
        setOpening(null);
        tab?.close();
        if (!isRequestFailure(cause)) throw cause;
        setFailure(cause);
      },
    );
  };
  return { opening, failure, open };
}
