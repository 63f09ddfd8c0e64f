/** The current view from the URL's hash (`#/spend`), so Back and a reload keep the user's place. */
import { useCallback, useEffect, useState } from 'react';
import { VIEWS, type ViewName } from './app-context';

export function viewOfHash(hash: string): ViewName {
  const name = hash.replace(/^#\/?/, '').split(/[?&]/)[0];
  return (VIEWS as readonly string[]).includes(name ?? '') ? (name as ViewName) : 'overview';
}

export function useRoute(): [ViewName, (view: ViewName) => void] {
  const [view, setView] = useState<ViewName>(() => viewOfHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setView(viewOfHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: ViewName) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [view, navigate];
}
