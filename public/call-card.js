// Plan B: the entry page as a call card. The page works without this script (options open as
// <details>, the message is composed by the server); this adds the keys, copying and live filling.
(() => {
  // What to say comes from the page, in the reader's language (the layout's data-i18n).
  const strings = JSON.parse(document.body.dataset.i18n || '{}');
  const t = (key, values = {}) => (strings[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name) => values[name] ?? '');
  // A toast that says what was copied, in view at any width and read out by screen readers.
  // The live region exists from the start (empty) so that changing its text is announced.
  const toast = document.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  toast.setAttribute('aria-live', 'polite');
  document.body.append(toast);
  let toastTimer;
  const say = (message, trouble = false) => {
    toast.textContent = message;
    toast.classList.toggle('toast--trouble', trouble);
    toast.classList.add('toast--shown');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      toast.classList.remove('toast--shown');
      toast.textContent = '';
    }, 2600);
  };

  // Copy buttons: each script line, and the composed message. The text is what the page shows.
  const copy = async (button) => {
    const source = document.querySelector(button.dataset.copy);
    if (!source) return;
    const text = source.innerText.trim();
    try {
      await navigator.clipboard.writeText(text);
      const label = button.textContent;
      button.textContent = t('client.copied');
      button.dataset.copied = '';
      setTimeout(() => {
        button.textContent = label;
        delete button.dataset.copied;
      }, 1600);
      say(t('client.copiedText', { text: text.length > 70 ? `${text.slice(0, 67).trimEnd()}…` : text }));
    } catch {
      say(t('client.copyFailed'), true);
    }
  };
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', () => copy(button));
  }

  const options = [...document.querySelectorAll('details[data-option]')];
  const openAll = document.querySelector('[data-open-all]');
  if (openAll && options.length > 1) {
    openAll.hidden = false;
    openAll.addEventListener('click', () => {
      const open = options.some((o) => !o.open);
      for (const o of options) o.open = open;
    });
    const label = () => (openAll.textContent = options.every((o) => o.open) ? t('client.closeAll') : t('client.openAll'));
    for (const o of options) o.addEventListener('toggle', label);
    label();
  }

  // Keys (never while typing in a field): 1–9 open or close that option in place;
  // c copies the line of "What to say" whose Copy button has focus, or else the first line.
  const toggleOption = (number) => {
    const option = document.querySelector(`details[data-option="${number}"]`);
    if (!option) return false;
    option.open = !option.open;
    const card = option.closest('.option');
    card.classList.add('option--pointed');
    setTimeout(() => card.classList.remove('option--pointed'), 1200);
    option.querySelector('summary').focus({ preventScroll: true });
    card.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    return true;
  };
  const copyScript = () => {
    const button = document.activeElement?.closest?.('.copy-button') ?? document.querySelector('.copy-button');
    if (!button) return false;
    copy(button);
    return true;
  };
  document.addEventListener('keydown', (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey || event.target.closest?.('input, textarea, select, [contenteditable]')) return;
    const handled = /^[1-9]$/.test(event.key) ? toggleOption(event.key) : event.key === 'c' ? copyScript() : false;
    if (handled) event.preventDefault();
  });

  // Compose: the server sends each option's message with [name], [order] and [date] in it;
  // this fills them in as the agent types, picks an option or a date.
  const compose = document.querySelector('[data-compose]');
  if (compose) {
    const form = compose.querySelector('form');
    const message = compose.querySelector('[data-compose-message]');
    const dateBox = form.querySelector('[data-promised]');
    compose.querySelector('[data-compose-update]').hidden = true;
    const written = (day) =>
      day
        ? new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        : '';
    const fill = () => {
      const template = form.querySelector('input[name=option]:checked')?.dataset.template ?? '';
      const values = { name: form.elements.name.value.trim(), order: form.elements.order.value.trim(), date: written(dateBox?.value) };
      message.textContent = template
        .replaceAll('[name]', values.name || '[name]')
        .replaceAll('[order]', values.order || '[order]')
        .replaceAll('[date]', values.date || '[date]');
    };
    form.addEventListener('input', fill);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const day = event.submitter?.dataset.date;
      if (day && dateBox) dateBox.value = day;
      fill();
    });
    // Opening an option makes it the one the message is about (the agent can still pick another).
    for (const option of options) {
      option.addEventListener('toggle', () => {
        const radio = form.querySelector(`input[name=option][value="${option.dataset.option}"]`);
        if (option.open && radio) {
          radio.checked = true;
          fill();
        }
      });
    }
  }
})();
