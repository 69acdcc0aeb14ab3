/**
 * The one pattern for page state in the popup, options and history (issue 14): a zustand
 * store per page (`usePopupStore`, `useOptionsStore`, `useHistoryStore`), filled by its
 * page's `load…State()` from storage, and loaded again by `watch…State()` whenever the
 * background, another page or the administrator changes what it shows. Form inputs that
 * nobody else reads stay in their component's own state.
 */

/** Something storage-like a page watches (a WXT storage item, or a watch function). */
export type Watched = { watch(callback: () => void): () => void } | ((callback: () => void) => () => void);

/**
 * Calls `load` after any of `sources` changes, never two loads at once: changes that
 * arrive during a load cause one more load after it. Returns the function that stops it.
 */
export function reloadOnChange(sources: readonly Watched[], load: () => Promise<void>): () => void {
  let loading = false;
  let dirty = false;
  const reload = async () => {
    if (loading) {
      dirty = true;
      return;
    }
    loading = true;
    try {
      do {
        dirty = false;
        await load();
      } while (dirty);
    } finally {
      loading = false;
    }
  };
  const stops = sources.map((source) => (typeof source === 'function' ? source(() => void reload()) : source.watch(() => void reload())));
  return () => stops.forEach((stop) => stop());
}
