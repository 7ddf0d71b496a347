// Inkstone web app: progressive enhancement only. Every page works without this file; with it, selects marked
// data-autosubmit submit their form on change, and pages can read the antiforgery token for JSON requests.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute('data-autosubmit') && target.form) target.form.submit();
  });

  // The antiforgery token of the page (every form carries it), sent as a header by scripts that post JSON.
  window.inkstone = {
    antiforgeryToken: function () {
      var input = document.querySelector('input[name="__RequestVerificationToken"]');
      return input ? input.value : '';
    },
    postJson: function (url, body) {
      return fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Inkstone-Antiforgery': window.inkstone.antiforgeryToken() },
        body: JSON.stringify(body)
      });
    }
  };
})();
