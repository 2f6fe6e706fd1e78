// Fast entry of evidence during the visit. Every save first goes into localStorage with a
// key made here, then to the server; the server stores a key once, so a draft sent again
// after a dropped connection (or from two tabs) never makes a duplicate.
(function () {
  "use strict";
  const form = document.getElementById("ev-record");
  if (!form) return;
  const storeKey = "citypeer-evidence-drafts-" + form.dataset.review;
  const status = document.getElementById("ev-status");
  const pendingNote = document.getElementById("ev-pending");
  const text = form.querySelector("textarea[name=text]");
  const recorded = document.getElementById("ev-recorded");
  let sending = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "[]"); } catch (e) { return []; }
  }

  function store(drafts) {
    localStorage.setItem(storeKey, JSON.stringify(drafts));
    showPending(drafts);
  }

  function showPending(drafts) {
    pendingNote.hidden = drafts.length === 0;
    pendingNote.textContent = form.dataset.pending + ": " + drafts.length;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function remove(key) {
    store(load().filter((d) => d.key !== key));
  }

  function applyProposals(proposals) {
    for (const [code, colour] of Object.entries(proposals || {})) {
      const chip = form.querySelector('[data-testid="chip-' + CSS.escape(code) + '"]');
      if (!chip) continue;
      chip.className = "ev-chip ev-" + colour.code;
      chip.dataset.colour = colour.code;
      chip.textContent = colour.label;
    }
  }

  function refused(draft, errors) {
    // The server will never take this one as it is: give the text back to be corrected.
    remove(draft.key);
    const fields = new Map(draft.fields);
    if (!text.value.trim()) text.value = fields.get("text") || "";
    const details = Object.entries(errors || {}).map(([f, m]) => f + ": " + m.join(" "));
    status.textContent = form.dataset.refused + ": " + details.join("; ");
    status.className = "errors";
  }

  async function flush() {
    if (sending) return;
    sending = true;
    try {
      for (const draft of load()) {
        let response;
        try {
          response = await fetch(form.action, {
            method: "POST", credentials: "same-origin",
            headers: {"Accept": "application/json"},
            body: new URLSearchParams(draft.fields),
          });
        } catch (e) {
          status.textContent = form.dataset.offline;
          status.className = "ev-offline";
          break;
        }
        if (response.ok) {
          const data = await response.json();
          remove(draft.key);
          applyProposals(data.proposals);
          status.textContent = form.dataset.saved + ": " + data.references.join("; ");
          status.className = "ev-saved";
          if (data.created && recorded) {
            const item = document.createElement("li");
            const said = new Map(draft.fields).get("text") || "";
            item.textContent = data.references.join("; ") + ": " + said.slice(0, 120);
            recorded.prepend(item);
          }
        } else if (response.status === 422) {
          refused(draft, (await response.json()).errors);
        } else {
          // Logged out, or the server is down: keep the draft and try again later.
          status.textContent = form.dataset.refused + " (HTTP " + response.status + ")";
          status.className = "errors";
          break;
        }
      }
    } finally {
      sending = false;
      showPending(load());
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!text.value.trim()) return;
    const data = new FormData(form);
    const key = newKey();
    data.set("client_key", key);
    const drafts = load();
    drafts.push({key: key, fields: Array.from(data.entries())});
    store(drafts);
    text.value = "";
    text.focus();
    flush();
  });

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code.startsWith("Key")) {
      const letter = event.code.slice(3).toLowerCase();
      const choice = form.querySelector('input[data-key="' + letter + '"]');
      if (choice) {
        event.preventDefault();
        choice.checked = true;
      }
    }
  });

  window.addEventListener("online", flush);
  // Not every dropped connection ends with an "online" event (a server that was down).
  setInterval(function () { if (load().length) flush(); }, 4000);
  showPending(load());
  flush();
})();
