// Small behaviours every page shares, bound by data attributes: pages carry no inline script,
// so the Content-Security-Policy can refuse every script that is not a file of this site.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-submit-on-change]");
    if (field && field.form) {
      field.form.submit();
    }
  });
  // A choice that suggests another field's value (a meeting's host, its time zone): the
  // suggestion replaces only an empty value or one suggested before, never what was typed.
  document.addEventListener("change", function (event) {
    var source = event.target.closest("[data-fills]");
    if (!source || !source.form) {
      return;
    }
    var target = source.form.elements[source.getAttribute("data-fills")];
    var value = JSON.parse(source.getAttribute("data-fill-values") || "{}")[source.value];
    if (!target || !value) {
      return;
    }
    if (target.value === "" || target.value === target.getAttribute("data-filled")) {
      target.value = value;
      target.setAttribute("data-filled", value);
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });
})();
