// Plan B: small enhancements on top of pages that work without JavaScript.
(() => {
  // "/" jumps to the search box from anywhere on the page (unless typing in a field).
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest('input, textarea, select, [contenteditable]');
    if (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey) {
      const input = document.querySelector('[data-search-input]');
      if (input) {
        event.preventDefault();
        input.focus();
        input.select();
      }
    }
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

  // Copy buttons put the script's text on the clipboard.
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const source = document.querySelector(button.dataset.copy);
      if (!source) return;
      try {
        await navigator.clipboard.writeText(source.innerText.trim());
        button.textContent = 'Copied';
        button.dataset.copied = '';
        setTimeout(() => {
          button.textContent = 'Copy';
          delete button.dataset.copied;
        }, 1600);
      } catch {
        button.textContent = 'Select and copy';
      }
    });
  }
})();
