// Hash routing, so that the server only ever serves index.html:
//   #/dang-nhap              log in (?next=<route> to come back)
//   #/quay                   the counter: receive a dossier         #/quay/phieu/CODE   its receipt slip
//   #/hop-thu                what waits for me                      #/ho-so/CODE        a dossier
//   #/ho-so?status=&procedure=&due=&applicant=&assignee=   the dossiers staff may see, filtered
//   #/cong-dan               citizen portal: procedures, tracking, my dossiers
//   #/cong-dan/thu-tuc/CODE  what to bring for a procedure          #/cong-dan/nop/CODE submit online
//   #/cong-dan/ho-so/CODE    one of my dossiers (citizen): its tracking, the signed result
//   #/tra-cuu[/CODE]         public tracking (the QR code of the slip opens it)
//   #/giam-sat               dashboard                              #/giam-sat/don-vi/UNIT  a commune
//   #/quan-tri[/TAB]         administration
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  // The path segments after "#/", decoded: ["ho-so", "000.00.25.H52-261026-0001"].
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = text.split('?', 2);
  return {
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(query),
  };
}

// "#/ho-so/CODE" from ["ho-so", "CODE"] and optional query parameters.
export function href(segments: string[], query?: Record<string, string>): string {
  const path = segments.map(encodeURIComponent).join('/');
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#/${path}${search ? `?${search}` : ''}`;
}

export function navigate(to: string): void {
  if (location.hash === to) return;
  location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => {
      setRoute(parseHash(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

// The address of a tracking page on this server, for the QR code of a receipt slip.
export function trackingUrl(code: string, pin?: string): string {
  return `${location.origin}${location.pathname}${href(['tra-cuu', code], pin ? { pin } : {})}`;
}
