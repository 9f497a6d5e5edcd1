// What the page says outside the views: the notice at the top (an error
// or a piece of information about the whole page) and the polite
// announcements a screen reader reads after an action.

const $ = (id) => document.getElementById(id);

function showNotice(text, kind) {
  const notice = $('notice');
  notice.textContent = text;
  notice.className = 'notice ' + (kind || 'error');
  notice.hidden = false;
}

function announce(text) {
  const el = $('announcer');
  el.textContent = '';
  // A fresh text node so that screen readers repeat the same message.
  window.setTimeout(() => { el.textContent = text; }, 30);
}

export { showNotice, announce };
