// Start here: reading an entry or a guide of your path to its end marks it done. Without this
// script the "Mark as done" button on /start does the same.
(function () {
  var match = location.pathname.match(/^\/(entries|guides)\/([a-z0-9-]+)$/);
  var csrf = document.querySelector('input[name=_csrf]');
  var main = document.getElementById('main');
  if (!match || !csrf || !main || !('IntersectionObserver' in window)) return;
  var item = { kind: match[1] === 'entries' ? 'entry' : 'guide', id: match[2] };

  function onPathNotDone(onboarding) {
    return onboarding.paths.some(function (path) {
      return path.items.some(function (i) { return i.kind === item.kind && i.id === item.id && !i.done; });
    });
  }

  function announce() {
    var note = document.createElement('p');
    note.className = 'start-toast';
    note.setAttribute('role', 'status');
    var strings = JSON.parse(document.body.dataset.i18n || '{}');
    var t = function (key) { return strings[key] || key; };
    var back = document.createElement('a');
    back.href = '/start';
    back.textContent = t('client.backToPath');
    note.append(t('client.doneOnPath') + ' ', back);
    document.body.appendChild(note);
    setTimeout(function () { note.classList.add('start-toast--gone'); }, 6000);
  }

  fetch('/api/onboarding', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (onboarding) {
      if (!onboarding || !onPathNotDone(onboarding)) return;
      // The end of the article: a marker after the page's last content.
      var end = document.createElement('div');
      end.className = 'start-end-marker';
      end.setAttribute('aria-hidden', 'true');
      main.appendChild(end);
      var observer = new IntersectionObserver(function (seen) {
        if (!seen.some(function (e) { return e.isIntersecting; })) return;
        observer.disconnect();
        fetch('/api/onboarding/done', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf.value },
          body: JSON.stringify(item),
        }).then(function (response) { if (response.ok) announce(); });
      });
      observer.observe(end);
    });
})();
