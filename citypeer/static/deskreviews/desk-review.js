// The desk review's judgement page: keyboard moves and drafts saved before leaving.
// htmx posts the form as the peer types (hx-trigger on the form); this script makes sure
// the last draft is saved before moving to another indicator, lets htmx show the 409
// (conflict) and 422 (invalid input) answers, and adds keys. Without it the page works
// through its Save buttons and links.
(function () {
  "use strict";
  const form = document.getElementById("judgement-form");
  if (!form) return;

  let dirty = false;       // changes not yet sent
  let inFlight = false;    // a save is on its way
  let paused = false;      // after a conflict: no autosave until the peer decides
  let failed = false;      // the last save was refused
  let leaveTo = null;      // where to go once the draft is saved
  let leaving = false;     // on the way to another page: send nothing more
  let elsewhere = false;   // the last save was answered by another page (logged out)

  function typing(target) {
    return target.closest && target.closest(
      "textarea, select, [contenteditable], input:not([type=radio]):not([type=checkbox])"
    );
  }

  function save() {
    if (window.htmx && !form.querySelector("fieldset[disabled]")) {
      window.htmx.trigger(form, "dr-save");
    }
  }

  function leave(url) {
    leaving = true;
    window.location.href = url;
  }

  function go(url) {
    if (!url || leaving) return;
    if ((dirty || inFlight) && !paused) {
      leaveTo = url;
      if (!inFlight) save();
      return;
    }
    leave(url);
  }

  form.addEventListener("input", function () { dirty = true; failed = false; });

  form.addEventListener("htmx:beforeRequest", function (event) {
    if (paused || leaving) { event.preventDefault(); return; }
    inFlight = true;
    dirty = false;
  });

  form.addEventListener("htmx:beforeSwap", function (event) {
    const xhr = event.detail.xhr;
    const status = xhr.status;
    // A save answered by another page (the login page once the session has expired): show
    // why the draft is not saved instead of that page.
    if (xhr.responseURL && new URL(xhr.responseURL).pathname !== form.getAttribute("hx-post")) {
      event.detail.shouldSwap = false;
      elsewhere = true;
      document.getElementById("save-status").textContent = form.dataset.notSavedMessage;
      return;
    }
    if (status === 409 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  form.addEventListener("htmx:afterRequest", function (event) {
    inFlight = false;
    const status = event.detail.xhr ? event.detail.xhr.status : 0;
    failed = !(status >= 200 && status < 300) || elsewhere;
    if (failed && !elsewhere && status !== 409 && status !== 422) {
      document.getElementById("save-status").textContent = form.dataset.errorMessage;
    }
    elsewhere = false;
    if (status === 409 && form.querySelector(".dr-conflict")) paused = true;
    if (leaveTo) {
      const url = leaveTo;
      leaveTo = null;
      if (!failed && !dirty) leave(url);
      else if (!failed) go(url);
    }
  });

  // "Keep my version": save again, from the edit count that is stored now (the conflict
  // panel carries it), over the version saved elsewhere.
  form.addEventListener("click", function (event) {
    const button = event.target.closest("[data-keep-mine]");
    if (!button || !window.htmx) return;
    const panel = button.closest(".dr-conflict");
    event.preventDefault();
    form.querySelector("input[name=edit_count]").value = panel.dataset.editCount;
    paused = false;
    dirty = true;
    save();
  });

  window.addEventListener("beforeunload", function (event) {
    if ((dirty || inFlight || failed) && !leaving) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  document.querySelectorAll("a[data-nav], .dr-strip a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go(link.href);
    });
  });

  const addPerson = form.querySelector("[data-add-person]");
  const template = document.getElementById("dr-new-person-template");
  if (addPerson && template && !form.querySelector("fieldset[disabled]")) {
    addPerson.hidden = false;
    addPerson.addEventListener("click", function () {
      const row = template.content.firstElementChild.cloneNode(true);
      document.getElementById("dr-new-people").appendChild(row);
      row.querySelector("input").focus();
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing) return;
    const target = event.target;
    if (typing(target)) {
      if (event.key === "Escape") target.blur();
      return;
    }
    if (event.altKey) {
      if (event.key === "ArrowRight") { event.preventDefault(); go(form.dataset.next); }
      else if (event.key === "ArrowLeft") { event.preventDefault(); go(form.dataset.previous); }
      return;
    }
    if (event.key === "j") { event.preventDefault(); go(form.dataset.next); return; }
    if (event.key === "k") { event.preventDefault(); go(form.dataset.previous); return; }
    const radio = form.querySelector('input[name=performance][data-key="' + event.key + '"]');
    if (radio && !radio.disabled) {
      event.preventDefault();
      radio.checked = true;
      radio.focus();
      radio.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
})();
