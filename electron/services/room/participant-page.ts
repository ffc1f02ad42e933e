/**
 * The participant's page, served by the room server: one HTML page, one stylesheet, one script,
 * no framework, no image, no font (a few kB; `e2e/bench/room.bench.ts` reports the size). French
 * first, English when the phone asks for it. Everything a participant wrote is put on the page with
 * `textContent` (never as HTML), and the strict CSP (`PARTICIPANT_CSP`) forbids inline scripts,
 * styles, frames, forms to elsewhere and every other origin anyway.
 *
 * Behaviour: the code is asked once (the device key it buys is kept in localStorage for this
 * session's address only); the state is polled every 3 s, and after a failure again with a growing
 * delay (up to 15 s) — a phone that lost the Wi-Fi comes back by itself; a draft is kept in the
 * field until the server acknowledged it (written to the journal). When the facilitator ends the
 * session the server answers 410 `ended` for a while (a 404 says the same: this session's address
 * serves nothing any more): the page then shows its final thanks, forgets its key and stops asking —
 * only a failed request (no answer at all) means the network, and is retried.
 */

export const PARTICIPANT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'none'; font-src 'none'; " +
  "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

/** The page for a session's token (only [a-z0-9], checked by the router before it gets here). */
export function participantHtml(token: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Atelier — vos avis</title>
<link rel="stylesheet" href="/${token}/app.css">
<script src="/${token}/app.js" defer></script>
</head>
<body>
<header><p class="brand">Passerelles · <span id="t-atelier">atelier</span></p></header>
<main>
<section id="join" hidden>
<h1 id="t-welcome">Donnez votre avis</h1>
<form id="join-form" novalidate>
<label for="code" id="t-code">Code à 6 chiffres affiché à l’écran</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
<button type="submit" id="t-join">Rejoindre</button>
</form>
</section>
<section id="room" hidden>
<h1 id="question" aria-live="polite"></h1>
<form id="answer-form" novalidate>
<label for="text" id="t-answer">Votre réponse</label>
<textarea id="text" name="text" rows="4" maxlength="500" required></textarea>
<label for="pseudo" id="t-pseudo">Prénom ou pseudonyme (facultatif)</label>
<input id="pseudo" name="pseudo" maxlength="40" autocomplete="nickname">
<button type="submit" id="t-send">Envoyer</button>
</form>
<h2 id="t-others">Les réponses de la salle</h2>
<ul id="answers"></ul>
</section>
<section id="ended" hidden>
<h1 id="t-ended" tabindex="-1">La séance est terminée</h1>
<p id="t-thanks">Merci pour vos réponses ! Vous pouvez fermer cette page.</p>
</section>
<p id="status" role="status" aria-live="polite"></p>
</main>
<footer><p id="t-privacy">Vos réponses restent dans la salle : elles sont gardées sur l’ordinateur de l’animation, sans compte ni Internet. L’animation choisit ce qui est projeté.</p></footer>
</body>
</html>
`
}

export const PARTICIPANT_CSS = `*{box-sizing:border-box}
html{font:112.5%/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:40rem;padding:.75rem 1rem 2rem}
.brand{margin:0;font-size:.9rem;color:#333}
h1{font-size:1.35rem;line-height:1.3;margin:.75rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input,textarea{width:100%;font:inherit;padding:.6rem .7rem;border:2px solid #333;border-radius:.4rem;background:#fff;color:#111}
input:focus,textarea:focus,button:focus{outline:3px solid #0b57d0;outline-offset:2px}
button{font:inherit;font-weight:700;min-height:3rem;padding:.5rem 1.25rem;margin-top:.75rem;border:0;border-radius:.4rem;background:#0b3d91;color:#fff;width:100%}
button[disabled]{background:#555}
ul{list-style:none;margin:0;padding:0}
li{border:2px solid #ccc;border-radius:.5rem;padding:.6rem .75rem;margin:.5rem 0;display:flex;gap:.75rem;align-items:flex-start}
li p{margin:0;flex:1;white-space:pre-wrap;overflow-wrap:anywhere}
li small{display:block;color:#333;margin-top:.25rem}
li button{width:auto;min-width:4.25rem;margin:0;background:#fff;color:#0b3d91;border:2px solid #0b3d91}
li button[aria-pressed=true]{background:#0b3d91;color:#fff}
#status{min-height:1.5rem;font-weight:600}
#ended{padding:1.5rem 0}
#ended p{font-size:1.1rem}
footer{margin-top:2rem;font-size:.85rem;color:#333}
`

export const PARTICIPANT_JS = `"use strict";
(function () {
  var en = /^en\\b/i.test(navigator.language || "");
  var T = en ? {
    atelier: "workshop", welcome: "Give your view", code: "6-digit code shown on the screen", join: "Join",
    answer: "Your answer", pseudo: "First name or nickname (optional)", send: "Send", others: "The room's answers",
    privacy: "Your answers stay in the room: they are kept on the facilitator's computer, with no account and no Internet. The facilitator chooses what is shown.",
    ended: "The session has ended", thanks: "Thank you for your answers! You can close this page.",
    sent: "Received, thank you.", wrongCode: "This code is not the one on the screen.", slow: "Too many tries: wait a minute, then try again.",
    offline: "Connection lost: trying again…", back: "Connected again.", notSent: "Not sent (no connection): your text is kept, try again.", empty: "Write an answer first.",
    wait: "Waiting for the first question…", vote: "+1", mine: "(yours)",
    refused: "Not accepted: ", byline: "— "
  } : {
    sent: "Bien reçu, merci.", wrongCode: "Ce code n’est pas celui de l’écran.", slow: "Trop d’essais : attendez une minute, puis réessayez.",
    offline: "Connexion perdue : nouvel essai…", back: "Connexion rétablie.", notSent: "Pas envoyé (pas de connexion) : votre texte est gardé, réessayez.", empty: "Écrivez d’abord une réponse.",
    wait: "En attente de la première question…", vote: "+1", mine: "(la vôtre)",
    refused: "Refusé : ", byline: "— "
  };
  var $ = function (id) { return document.getElementById(id); };
  if (en) {
    document.documentElement.lang = "en";
    ["atelier", "welcome", "code", "join", "answer", "pseudo", "send", "others", "privacy", "ended", "thanks"].forEach(function (k) { $("t-" + k).textContent = T[k]; });
  }
  var base = location.pathname.replace(/\\/$/, "");
  var store = "passerelles-room:" + base;
  var key = null;
  try { key = localStorage.getItem(store); } catch (e) { key = null; }
  var questionId = null, delay = 3000, timer = 0, lastRev = "", lost = false, over = false;
  function say(msg) { $("status").textContent = msg; }
  function call(method, path, body) {
    var init = { method: method, headers: {}, cache: "no-store", credentials: "omit" };
    if (key) init.headers["x-room-key"] = key;
    if (body) { init.headers["content-type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(base + path, init).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; }, function () { return { status: r.status, body: {} }; });
    });
  }
  function show(which) { ["join", "room", "ended"].forEach(function (id) { $(id).hidden = which !== id; }); }
  /** The session ended (410, or 404: its address serves nothing any more): thanks, and no more requests. */
  function finish() {
    if (over) return;
    over = true;
    clearTimeout(timer);
    key = null;
    try { localStorage.removeItem(store); } catch (e) { /* nothing kept */ }
    say(""); show("ended"); $("t-ended").focus();
  }
  function gone(r) { if (r.status === 410 || r.status === 404) { finish(); return true; } return false; }
  function render(s) {
    var rev = JSON.stringify(s);
    if (rev === lastRev) return;
    lastRev = rev;
    if (s.closed) { finish(); return; }
    if (!s.question) { $("question").textContent = T.wait; $("answer-form").hidden = true; }
    else { $("question").textContent = s.question.text; $("answer-form").hidden = false; }
    questionId = s.question ? s.question.id : null;
    var ul = $("answers");
    while (ul.firstChild) ul.removeChild(ul.firstChild);
    s.answers.forEach(function (a) {
      var li = document.createElement("li");
      var p = document.createElement("p");
      p.textContent = a.text;
      if (a.pseudonym || a.mine) {
        var small = document.createElement("small");
        small.textContent = T.byline + (a.pseudonym || "") + (a.mine ? " " + T.mine : "");
        p.appendChild(small);
      }
      li.appendChild(p);
      if (!a.mine) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = T.vote + " · " + a.votes;
        b.setAttribute("aria-pressed", a.voted ? "true" : "false");
        b.setAttribute("aria-label", T.vote + " (" + a.votes + ") : " + a.text.slice(0, 80));
        b.addEventListener("click", function () { vote(a.id); });
        li.appendChild(b);
      }
      ul.appendChild(li);
    });
  }
  function poll() {
    clearTimeout(timer);
    call("GET", "/state").then(function (r) {
      if (gone(r)) return;
      if (r.status === 401) { key = null; show("join"); return; }
      if (r.status === 200) { render(r.body); delay = 3000; if (lost) { lost = false; say(T.back); } }
      if (!over) timer = setTimeout(poll, delay);
    }, function () {
      if (over) return;
      lost = true;
      say(T.offline);
      delay = Math.min(delay * 2, 15000);
      timer = setTimeout(poll, delay);
    });
  }
  function refusedMessage(r) { return r.status === 429 ? T.slow : T.refused + (r.body && r.body.error ? r.body.error : r.status); }
  function vote(id) {
    call("POST", "/vote", { answerId: id }).then(function (r) { if (gone(r)) return; if (r.status !== 200) say(refusedMessage(r)); poll(); }, function () { say(T.offline); });
  }
  $("join-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var code = $("code").value.replace(/\\D/g, "");
    call("POST", "/join", { code: code }).then(function (r) {
      if (gone(r)) return;
      if (r.status === 200 && r.body.key) {
        key = r.body.key;
        try { localStorage.setItem(store, key); } catch (e) { /* private mode: the key lives as long as the page */ }
        say(""); show("room"); poll();
      } else say(r.status === 403 ? T.wrongCode : refusedMessage(r));
    }, function () { say(T.offline); });
  });
  $("answer-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = $("text").value.trim();
    if (!text) { say(T.empty); $("text").focus(); return; }
    var body = { questionId: questionId, text: text };
    var pseudo = $("pseudo").value.trim();
    if (pseudo) body.pseudonym = pseudo;
    var button = $("t-send");
    button.disabled = true;
    call("POST", "/answer", body).then(function (r) {
      button.disabled = false;
      if (gone(r)) return;
      if (r.status === 201) { $("text").value = ""; say(T.sent); poll(); }
      else say(refusedMessage(r));
    }, function () { button.disabled = false; lost = true; say(T.notSent); });
  });
  if (key) { show("room"); poll(); } else show("join");
})();
`
