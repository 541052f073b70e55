// Plan B: small enhancements on top of pages that work without JavaScript.
(() => {
  // Keyboard, for agents with a customer on the line (never while typing in a field):
  //   /      the search box
  //   ↓ ↑   move through search results, Enter opens one
  const keys = {
    '/': () => {
      const input = document.querySelector('[data-search-input]');
      input?.focus();
      input?.select();
      return Boolean(input);
    },
  };
  const resultLinks = () => [...document.querySelectorAll('[data-live-results] .result__title')];
  const moveThroughResults = (step) => {
    const links = resultLinks();
    if (!links.length) return false;
    const at = links.indexOf(document.activeElement);
    const next = at === -1 ? (step > 0 ? 0 : links.length - 1) : at + step;
    if (next < 0) document.querySelector('[data-search-input]')?.focus();
    else links[Math.min(next, links.length - 1)].focus();
    return true;
  };
  document.addEventListener('keydown', (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const inSearchBox = event.target.matches?.('[data-search-input]');
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && (inSearchBox || event.target.matches?.('.result__title'))) {
      if (moveThroughResults(event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
      return;
    }
    if (event.target.closest('input, textarea, select, [contenteditable]')) return;
    const handled = keys[event.key]?.();
    if (handled) event.preventDefault();
  });

  // As you type: the results under the search box follow what is typed. Without this script the
  // form submits to /search as usual; the fragment is the same partial that page renders.
  const liveResults = document.querySelector('[data-live-results]');
  const liveInput = liveResults && document.querySelector('[data-search-input]');
  if (liveInput) {
    const form = liveInput.closest('form');
    let session = '';
    let pending;
    let latest = 0;
    const update = async () => {
      const q = liveInput.value;
      const params = new URLSearchParams(new FormData(form));
      for (const select of document.querySelectorAll('.filters select')) if (select.value) params.set(select.name, select.value);
      if (!q.trim()) return;
      params.set('fragment', '1');
      if (session) params.set('session', session);
      const ticket = ++latest;
      try {
        const response = await fetch(`/search?${params}`, { headers: { accept: 'text/html' } });
        if (!response.ok || ticket !== latest) return;
        liveResults.innerHTML = await response.text();
        session = liveResults.querySelector('[data-log-id]')?.dataset.logId ?? session;
        params.delete('fragment');
        params.delete('session');
        if (location.pathname === '/search') history.replaceState(null, '', `/search?${params}`);
      } catch {
        // Offline or the server restarting: the form still works on Enter.
      }
    };
    liveInput.addEventListener('input', () => {
      clearTimeout(pending);
      pending = setTimeout(update, 120);
    });
  }
})();

// Feedback buttons ("worked / didn't work", "was this helpful") answer without reloading the page.
// Without JavaScript the same forms post and come back to the entry.
(() => {
  const post = async (form, url, body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': form.elements._csrf.value },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  };
  // On any trouble, post the form the ordinary way and let the page say what went wrong.
  const sendPlainly = (form, button) => {
    form.dataset.plain = '';
    form.requestSubmit(button);
  };
  const setCount = (scope, name, value) => {
    const el = scope.querySelector(`[data-count="${name}"]`);
    if (el) el.textContent = String(value);
  };

  for (const form of document.querySelectorAll('form[data-feedback]')) {
    form.addEventListener('submit', async (event) => {
      const button = event.submitter;
      if (!button || 'plain' in form.dataset) return;
      event.preventDefault();
      const body = { option: Number(form.elements.option.value), title: form.elements.title.value, worked: button.value === 'true' };
      try {
        const answer = await post(form, form.dataset.feedback, body);
        const card = form.closest('[data-option-feedback]');
        setCount(card, 'worked', answer.counts.worked);
        setCount(card, 'failed', answer.counts.failed);
        button.dataset.given = '';
        button.textContent = 'Noted';
        setTimeout(() => {
          delete button.dataset.given;
          button.textContent = button.value === 'true' ? 'Worked' : "Didn't work";
        }, 1600);
      } catch {
        sendPlainly(form, button);
      }
    });
  }

  for (const form of document.querySelectorAll('form[data-helpful]')) {
    form.addEventListener('submit', async (event) => {
      const button = event.submitter;
      if (!button || 'plain' in form.dataset) return;
      event.preventDefault();
      try {
        const answer = await post(form, form.dataset.helpful, { helpful: button.value === 'true' });
        const panel = form.closest('[data-helpful-panel]');
        setCount(panel, 'yes', answer.yes);
        setCount(panel, 'no', answer.no);
        for (const b of form.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === button));
        const mine = panel.querySelector('[data-helpful-mine]');
        if (mine) mine.hidden = false;
      } catch {
        sendPlainly(form, button);
      }
    });
  }
})();

// Filters apply as soon as one is picked; the Apply button is for pages without this script.
(() => {
  for (const form of document.querySelectorAll('form.filters')) {
    form.querySelector('button[type=submit]')?.setAttribute('hidden', '');
    for (const select of form.querySelectorAll('select')) select.addEventListener('change', () => form.submit());
  }
})();
