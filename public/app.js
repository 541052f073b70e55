// Plan B: small enhancements on top of pages that work without JavaScript. The search keys (/, ↓ ↑,
// Esc, ?) and results as you type are in keyboard.js; an entry's keys (1–9, c) in call-card.js.
// Feedback buttons ("worked / didn't work", "was this helpful") answer without reloading the page.
// Without JavaScript the same forms post and come back to the entry.
(() => {
  const strings = JSON.parse(document.body.dataset.i18n || '{}');
  const t = (key) => strings[key] ?? key;
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
        button.textContent = t('client.noted');
        setTimeout(() => {
          delete button.dataset.given;
          button.textContent = button.value === 'true' ? t('client.worked') : t('client.didntWork');
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
