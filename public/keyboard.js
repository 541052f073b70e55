// Plan B: the keyboard path from a customer's words to the entry, results as you type, the header menu.
// Without this script every search box still submits to /search.
//   /      the search box (on every page)      ↓ ↑   through every result, folded ones included
//   Enter  opens the result in focus            Esc   back to the query, results kept
//   ?      the shortcuts dialog
(() => {
  const input = document.querySelector('[data-search-input]');
  const form = input?.closest('form');
  // The page's own results (home, /search), or the panel under the header's box on other pages.
  const results = document.querySelector('main [data-live-results]') ?? document.querySelector('[data-header-results]');
  const inHeader = Boolean(results?.matches('[data-header-results]'));
  const dialog = document.querySelector('[data-shortcuts]');

  const resultLinks = () => (results ? [...results.querySelectorAll('.result__title')] : []);
  const showPanel = (shown) => {
    if (inHeader) results.hidden = !shown || !results.innerHTML.trim();
  };

  /** Focus a result, opening the fold it sits in: no result is out of the arrows' reach. */
  const focusResult = (link) => {
    const fold = link.closest('details');
    if (fold) fold.open = true;
    link.focus();
    link.scrollIntoView({ block: 'nearest' });
  };

  const move = (step) => {
    const links = resultLinks();
    if (!links.length) return false;
    const at = links.indexOf(document.activeElement);
    const next = at === -1 ? (step > 0 ? 0 : links.length - 1) : at + step;
    if (next < 0) input.focus();
    else focusResult(links[Math.min(next, links.length - 1)]);
    return true;
  };

  const keys = {
    '/': () => {
      if (!input) return false;
      input.focus();
      input.select();
      showPanel(true);
      return true;
    },
    '?': () => {
      if (!dialog || dialog.open) return false;
      dialog.showModal();
      return true;
    },
  };

  document.addEventListener('keydown', (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey || dialog?.open) return;
    const fromBox = event.target === input;
    const fromResult = Boolean(results?.contains(event.target) && event.target.matches('.result__title'));
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && (fromBox || fromResult)) {
      if (move(event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && fromResult) {
      input.focus();
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && fromBox && inHeader && !results.hidden) {
      showPanel(false);
      event.preventDefault();
      return;
    }
    // Already in an empty box (the home page focuses it): "/" is the habit, not the query.
    if (event.key === '/' && fromBox && !input.value) return event.preventDefault();
    if (event.target.closest('input, textarea, select, [contenteditable]')) return;
    if (keys[event.key]?.()) event.preventDefault();
  });

  for (const button of document.querySelectorAll('[data-shortcuts-open]')) {
    button.hidden = false;
    button.addEventListener('click', () => dialog?.showModal());
  }

  // The full results page after Enter: the first result has focus, so ↓ and Enter go on from there.
  if (location.pathname === '/search' && input?.value.trim() && document.activeElement === document.body) {
    const first = resultLinks()[0];
    if (first) first.focus();
    else document.getElementById('results-heading')?.focus();
  }

  if (!input || !results) return;

  // The header's panel closes when focus leaves the box and its results, and comes back with it.
  if (inHeader) {
    const area = [form, results];
    document.addEventListener('focusin', (event) => showPanel(area.some((el) => el.contains(event.target))));
    document.addEventListener('pointerdown', (event) => {
      if (!area.some((el) => el.contains(event.target))) showPanel(false);
    });
  }

  // As you type: the results follow what is typed (the same partial /search renders). The typing
  // session id lets the server log one row per session.
  let session = '';
  let pending;
  let latest = 0;
  const clear = () => {
    latest++;
    results.innerHTML = '';
    showPanel(false);
  };
  const update = async () => {
    const q = input.value;
    if (!q.trim()) return clear();
    const params = new URLSearchParams(new FormData(form));
    for (const select of document.querySelectorAll('.filters select')) if (select.value) params.set(select.name, select.value);
    params.set('fragment', '1');
    if (session) params.set('session', session);
    const ticket = ++latest;
    try {
      const response = await fetch(`/search?${params}`, { headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const html = await response.text();
      if (ticket !== latest) return;
      // Whoever already moved into the results keeps their place when the list is replaced.
      const at = resultLinks().indexOf(document.activeElement);
      results.innerHTML = html;
      if (at >= 0) {
        const links = resultLinks();
        if (links.length) focusResult(links[Math.min(at, links.length - 1)]);
        else input.focus();
      }
      showPanel(document.activeElement === input);
      session = results.querySelector('[data-log-id]')?.dataset.logId ?? session;
      params.delete('fragment');
      params.delete('session');
      if (location.pathname === '/search') history.replaceState(null, '', `/search?${params}`);
    } catch {
      // Offline or the server restarting: the form still works on Enter.
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(pending);
    // An emptied box clears the results at once; typing waits for a pause.
    if (!input.value.trim()) clear();
    else pending = setTimeout(update, 120);
  });
})();

// The header menu (a details element, so it opens without JavaScript too): its toggle says whether
// it is open, Esc closes it and gives focus back to the toggle, a click elsewhere closes it.
(() => {
  for (const menu of document.querySelectorAll('details[data-menu]')) {
    const toggle = menu.querySelector('summary');
    const sync = () => toggle.setAttribute('aria-expanded', String(menu.open));
    sync();
    menu.addEventListener('toggle', sync);
    menu.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      sync();
      toggle.focus();
      event.stopPropagation();
    });
    document.addEventListener('click', (event) => {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  }
})();
