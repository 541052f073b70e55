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
