// Hash routing: the whole state of a screen (ledger, filters, sort) lives in the URL after "#", so a view can
// be bookmarked and shared, and the server needs no fallback route.
import { useEffect, useState } from 'preact/hooks';

export interface Route { path: string[]; query: URLSearchParams }

export function parse(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const at = text.indexOf('?');
  const path = (at >= 0 ? text.slice(0, at) : text).split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  return { path, query: new URLSearchParams(at >= 0 ? text.slice(at + 1) : '') };
}

export function href(path: string[], query?: URLSearchParams): string {
  const q = query?.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${q ? `?${q}` : ''}`;
}

const listeners = new Set<() => void>();

/** Goes to a route; {@code replace} keeps the history as it is (for filters being typed). */
export function navigate(target: string, replace = false): void {
  if (target === location.hash) return;
  if (replace) {
    history.replaceState(null, '', target);
    listeners.forEach((l) => l());
  } else {
    location.hash = target;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const update = () => setRoute(parse(location.hash));
    listeners.add(update);
    window.addEventListener('hashchange', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('hashchange', update);
    };
  }, []);
  return route;
}
