// The list of saved scenarios ("Mina fördelningar"): open, rename,
// duplicate and delete; and the toast that offers to undo a delete for a
// while. The view only renders and reports the user's commands.
import { h, clear } from '../dom.js';
import * as i18n from '../i18n.js';
import { t } from '../i18n.js';

  function when(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    const locale = i18n.lang() === 'en' ? 'en-GB' : 'sv-SE';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  function nameOf(entry) {
    return entry.title || t('scenarios.untitled');
  }

  // commands: {open(id), rename(id, title), duplicate(id), remove(id)}
  function ScenariosView(container, countEl, commands) {
    this.container = container;
    this.countEl = countEl;
    this.commands = commands;
    this.state = { entries: [], currentId: null, example: false };
    this.renaming = null;
    this.signature = '';
    container.addEventListener('click', (event) => this.onClick(event));
    container.addEventListener('keydown', (event) => this.onKeydown(event));
  }

  // state: {entries: [{id, title, updated}], currentId, example}
  ScenariosView.prototype.render = function (state, force) {
    this.state = state;
    const signature = JSON.stringify([i18n.lang(), state.currentId, state.example, this.renaming,
      state.entries.map((e) => [e.id, e.title, when(e.updated)])]);
    // Autosave renders often; only a visible change rebuilds the list,
    // and never while a name is being typed.
    if (!force && (signature === this.signature || this.isTypingName())) return;
    this.signature = signature;
    const focus = this.rememberFocus();
    clear(this.container);
    this.countEl.textContent = state.entries.length ? t('scenarios.count', { n: state.entries.length }) : '';
    // (An example being looked at is said once, by the save status beside the heading.)
    if (!state.entries.length) {
      this.container.appendChild(h('p', { class: 'hint', text: t('scenarios.none') }));
      return;
    }
    this.container.appendChild(h('ul', { class: 'scenario-list' }, state.entries.map((entry) => this.item(entry))));
    this.restoreFocus(focus);
  };

  ScenariosView.prototype.item = function (entry) {
    const current = entry.id === this.state.currentId;
    const name = nameOf(entry);
    const id = entry.id;
    const button = (action, text, label, className) => h('button', {
      type: 'button', class: 'button small ' + (className || 'quiet'),
      'data-scenario-action': action, 'data-id': id, 'aria-label': label,
    }, text);
    if (this.renaming === id) {
      const inputId = 'rename-' + id;
      return h('li', { class: 'scenario-item renaming' + (current ? ' current' : '') }, [
        h('label', { for: inputId, class: 'visually-hidden', text: t('scenarios.rename.label', { name }) }),
        h('input', { type: 'text', id: inputId, class: 'input scenario-name-input', value: entry.title, 'data-user': 'true', autocomplete: 'off', 'data-id': id }),
        button('rename-save', t('scenarios.rename.save'), null, 'secondary'),
        button('rename-cancel', t('scenarios.rename.cancel'), null),
      ]);
    }
    return h('li', { class: 'scenario-item' + (current ? ' current' : '') }, [
      h('button', {
        type: 'button', class: 'scenario-open', 'data-scenario-action': 'open', 'data-id': id,
        'aria-current': current ? 'true' : null, 'data-user': 'true',
      }, name),
      h('span', { class: 'scenario-meta' }, (current ? t('scenarios.current') + ' · ' : '') + t('scenarios.changed', { when: when(entry.updated) })),
      h('span', { class: 'scenario-buttons' }, [
        button('rename', t('scenarios.rename'), t('scenarios.rename.of', { name })),
        button('duplicate', t('scenarios.duplicate'), t('scenarios.duplicate.of', { name })),
        button('remove', t('scenarios.delete'), t('scenarios.delete.of', { name }), 'quiet danger'),
      ]),
    ]);
  };

  ScenariosView.prototype.isTypingName = function () {
    const el = document.activeElement;
    return Boolean(this.renaming && el && el.classList && el.classList.contains('scenario-name-input'));
  };

  ScenariosView.prototype.rememberFocus = function () {
    const el = document.activeElement;
    if (!el || !this.container.contains(el)) return null;
    return { action: el.getAttribute('data-scenario-action'), id: el.getAttribute('data-id') };
  };

  ScenariosView.prototype.restoreFocus = function (memo) {
    if (!memo) return;
    this.focus(memo.id, memo.action) || this.focus(this.state.currentId, 'open');
  };

  // Focuses the control of an entry; true when there was one.
  ScenariosView.prototype.focus = function (id, action) {
    const el = this.container.querySelector('[data-scenario-action="' + action + '"][data-id="' + CSS.escape(String(id)) + '"]');
    if (!el) return false;
    el.focus();
    return true;
  };

  ScenariosView.prototype.startRename = function (id) {
    this.renaming = id;
    this.render(this.state, true);
    const input = this.container.querySelector('.scenario-name-input');
    if (input) {
      input.focus();
      input.select();
    }
  };

  ScenariosView.prototype.endRename = function (save) {
    const input = this.container.querySelector('.scenario-name-input');
    const id = this.renaming;
    this.renaming = null;
    const title = input ? input.value.trim() : '';
    if (save && title) this.commands.rename(id, title);
    this.render(this.state, true);
    this.focus(id, 'rename');
  };

  ScenariosView.prototype.onClick = function (event) {
    const button = event.target.closest('[data-scenario-action]');
    if (!button) return;
    const id = button.getAttribute('data-id');
    switch (button.getAttribute('data-scenario-action')) {
      case 'open': this.commands.open(id); break;
      case 'rename': this.startRename(id); break;
      case 'rename-save': this.endRename(true); break;
      case 'rename-cancel': this.endRename(false); break;
      case 'duplicate': this.commands.duplicate(id); break;
      case 'remove': this.commands.remove(id); break;
      default: return;
    }
    event.preventDefault();
  };

  ScenariosView.prototype.onKeydown = function (event) {
    if (!event.target.classList.contains('scenario-name-input')) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.endRename(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.endRename(false);
    }
  };

  // ---- the toast -------------------------------------------------------------

  // A short message with one action (Ångra), shown for `ms` milliseconds;
  // the time stops while the pointer or the focus is on it (WCAG 2.2.1).
  // It sits in the page's flow after the list, so Tab reaches it.
  function Toast(el, onHidden) {
    this.el = el;
    this.onHidden = onHidden;
    this.timer = null;
    this.remaining = 0;
    this.paused = false;
    const pause = () => this.pause();
    const resume = () => this.resume();
    el.addEventListener('mouseenter', pause);
    el.addEventListener('mouseleave', resume);
    el.addEventListener('focusin', pause);
    el.addEventListener('focusout', (event) => {
      if (!el.contains(event.relatedTarget)) resume();
    });
  }

  // words() → [text, action text, action label], asked again when the
  // language changes (relabel).
  Toast.prototype.show = function (words, action, ms) {
    window.clearTimeout(this.timer);
    clear(this.el);
    this.words = words;
    const button = h('button', { type: 'button', class: 'button small secondary toast-action' });
    button.addEventListener('click', () => {
      this.hide();
      action();
    });
    this.el.appendChild(h('span', { class: 'toast-text', 'data-user': 'true' }));
    this.el.appendChild(button);
    this.relabel();
    this.el.hidden = false;
    this.remaining = ms;
    this.paused = false;
    this.started = Date.now();
    this.timer = window.setTimeout(() => this.hide(), ms);
    return button;
  };

  Toast.prototype.relabel = function () {
    if (this.el.hidden && this.el.firstChild === null) return;
    const [text, actionText, actionLabel] = this.words();
    this.el.querySelector('.toast-text').textContent = text;
    const button = this.el.querySelector('.toast-action');
    button.textContent = actionText;
    button.setAttribute('aria-label', actionLabel);
  };

  Toast.prototype.pause = function () {
    if (this.el.hidden || this.paused) return;
    this.paused = true;
    window.clearTimeout(this.timer);
    this.remaining = Math.max(this.remaining - (Date.now() - this.started), 2000);
  };

  Toast.prototype.resume = function () {
    if (this.el.hidden || !this.paused) return;
    this.paused = false;
    this.started = Date.now();
    this.timer = window.setTimeout(() => this.hide(), this.remaining);
  };

  Toast.prototype.hide = function () {
    window.clearTimeout(this.timer);
    if (this.el.hidden) return;
    const hadFocus = this.el.contains(document.activeElement);
    this.el.hidden = true;
    clear(this.el);
    if (this.onHidden) this.onHidden(hadFocus);
  };

export { ScenariosView, Toast };
