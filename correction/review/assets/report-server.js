/* Decisions kept on the server, for the review page served by `correction serve`.
 * Loaded before report.js, only on a served page: report.js then restores the decisions saved
 * on the server (embedded in the page data) and calls save() here after every change. */
(function () {
  "use strict";

  var link = JSON.parse(document.getElementById("review-data").textContent).server;
  // One PUT at a time, each with every decision: a change made while one is under way is sent
  // after it, so the last state the editor saw is the one the server keeps.
  var sending = false;
  var sendAgain = false;

  function load(proposals, state) {
    var restored = 0;
    link.decisions.forEach(function (saved) {
      var s = state.get(saved[0]);
      if (!s) { return; }
      s.verdict = saved[1];
      s.replacement = saved[2];
      restored += 1;
    });
    return restored;
  }

  function save(proposals, state, say) {
    if (sending) { sendAgain = true; return; }
    sending = true;
    document.body.setAttribute("data-saved", "saving");
    var decided = proposals.filter(function (p) { return state.get(p.id).verdict !== null; });
    var body = JSON.stringify({ decisions: decided.map(function (p) {
      var s = state.get(p.id);
      return { id: p.id, decision: s.verdict, replacement: s.replacement };
    }) });
    window.fetch(link.decisions_url, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Review-Key": link.key },
      body: body
    }).then(function (response) {
      if (response.ok) { return "saved"; }
      return response.json().then(function (error) { return error.detail; }, function () {
        return "HTTP " + response.status;
      });
    }, function (error) {
      return String(error);
    }).then(function (outcome) {
      sending = false;
      if (sendAgain) { sendAgain = false; save(proposals, state, say); return; }
      document.body.setAttribute("data-saved", outcome === "saved" ? "saved" : "failed");
      if (outcome !== "saved") { say("Not saved on the server: " + outcome); }
    });
  }

  /* ---- apply the accepted fixes on the server, then link to the result ---- */

  function say(text) { document.getElementById("message").textContent = text; }

  function addApply() {
    var bar = document.querySelector(".actions-bar");
    var button = document.createElement("button");
    button.type = "button";
    button.id = "apply";
    button.textContent = "Apply accepted fixes";
    var result = document.createElement("a");
    result.id = "result-link";
    result.hidden = true;
    result.textContent = "Download the result";
    result.setAttribute("href", link.result_url + "?key=" + encodeURIComponent(link.key));
    button.addEventListener("click", function () {
      button.disabled = true;
      window.fetch(link.apply_url, { method: "POST", headers: { "X-Review-Key": link.key } })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (answer) {
          if (!answer.ok) { throw new Error(answer.body.detail); }
          say("Applied " + answer.body.applied + " accepted fix" + (answer.body.applied === 1 ? "" : "es") +
              " (" + answer.body.rejected + " rejected).");
          result.hidden = false;
        })
        .catch(function (error) { say("Not applied: " + error.message); })
        .then(function () { button.disabled = false; });
    });
    bar.appendChild(button);
    bar.appendChild(result);
  }

  if (link.apply_url) { addApply(); }

  window.correctionReviewRemote = { load: load, save: save };
})();
