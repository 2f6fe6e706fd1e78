// Conditional questions: a question whose condition does not hold is hidden while the city
// answers, as soon as the answer it depends on changes (never on focus). Without this
// script every question shows, each with its condition written out; the server decides
// what a submission needs either way.
(function () {
  "use strict";
  function answers(form, name) {
    return Array.prototype.slice.call(form.querySelectorAll('[name="' + name + '"]'))
      .filter(function (input) {
        return (input.type !== "radio" && input.type !== "checkbox") || input.checked;
      })
      .map(function (input) { return input.value.trim(); })
      .filter(function (value) { return value !== ""; });
  }
  function holds(form, box) {
    var name = box.dataset.conditionOn;
    var target = form.querySelector('[name="' + name + '"]');
    if (!target) { return false; }
    var holder = target.closest(".sv-question");
    if (holder && holder.hidden) { return false; }
    var given = answers(form, name);
    var value = box.dataset.conditionValue;
    if (box.dataset.conditionOperator === "includes") { return given.indexOf(value) !== -1; }
    if (given.length !== 1) { return false; }
    var a = Number(given[0].replace(",", ".")), b = Number(value);
    if (given[0] !== "" && !isNaN(a) && !isNaN(b)) { return a === b; }
    return given[0] === value;
  }
  function update(form) {
    // In order: a question depends only on earlier ones, so one pass settles a chain.
    form.querySelectorAll(".sv-question[data-condition-on]").forEach(function (box) {
      box.hidden = !holds(form, box);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.sv-response");
    if (!form) { return; }
    form.querySelectorAll(".sv-condition").forEach(function (hint) { hint.hidden = true; });
    update(form);
    form.addEventListener("change", function () { update(form); });
    form.addEventListener("input", function () { update(form); });
  });
})();
