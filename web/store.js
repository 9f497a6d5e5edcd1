// The state of the page: the scenario document being edited (the same
// JSON the core reads) and which saved scenario it is; and the browser
// storage every saved thing goes through.
import { recipientCount } from './document.js';
import { parsePointer, own, setOwn } from './dom.js';
import * as levels from './levels.js';

  // localStorage on file:// is one store shared by every local page: keys
  // are prefixed and versioned, and every access may fail (storage turned
  // off, blocked for the site, or full). A failed write says why.
  const PREFIX = 'fordela.v1.';

  function store() {
    return window.localStorage; // may throw (SecurityError) when blocked
  }

  // 'full' when the quota is reached, 'blocked' otherwise.
  function failure(e) {
    const name = e && e.name;
    const full = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e && e.code === 22);
    return full ? 'full' : 'blocked';
  }

  const storage = {
    lastError: null, // 'full' | 'blocked' after a failed set or remove
    get(key) {
      try {
        return store().getItem(PREFIX + key);
      } catch (e) {
        return null;
      }
    },
    set(key, value) {
      try {
        store().setItem(PREFIX + key, value);
        this.lastError = null;
        return true;
      } catch (e) {
        this.lastError = failure(e);
        return false;
      }
    },
    remove(key) {
      try {
        store().removeItem(PREFIX + key);
        return true;
      } catch (e) {
        this.lastError = failure(e);
        return false;
      }
    },
    // Whether anything can be kept at all: a write and a read of a probe.
    available() {
      const key = 'probe';
      if (!this.set(key, '1')) return false;
      const ok = this.get(key) === '1';
      this.remove(key);
      return ok;
    },
    // Our keys without the prefix, for finding saved scenarios.
    keys() {
      try {
        const s = store();
        const out = [];
        for (let i = 0; i < s.length; i += 1) {
          const key = s.key(i);
          if (key && key.startsWith(PREFIX)) out.push(key.slice(PREFIX.length));
        }
        return out;
      } catch (e) {
        return [];
      }
    },
    PREFIX,
  };

  function ScenarioStore() {
    this.scenario = null;
    this.exampleId = null; // set while the scenario is an unedited example
    this.entryId = null; // the saved scenario being edited, once it is saved
    // The level being edited (levels): "" for the scenario itself,
    // or the pointer of a sub-scenario inside it ("/recipients/0/sub").
    this.path = '';
    this.listeners = [];
  }

  ScenarioStore.prototype.subscribe = function (listener) {
    this.listeners.push(listener);
  };

  ScenarioStore.prototype.notify = function (change) {
    for (const listener of this.listeners) listener(change);
  };

  // A whole scenario in place of the current one: an example (exampleId),
  // a saved scenario (entryId), or new work (neither, saved as new).
  ScenarioStore.prototype.replace = function (scenario, exampleId, entryId) {
    this.scenario = scenario;
    this.exampleId = exampleId || null;
    this.entryId = entryId || null;
    this.path = '';
    this.notify({ kind: 'replace' });
  };

  // The object of the level being edited (a getter: it changes nothing).
  ScenarioStore.prototype.level = function () {
    return (this.path && levels.at(this.scenario, this.path)) || this.scenario;
  };

  // After a change of the document: a level that is gone (its recipient
  // removed, say) leaves the editors on the scenario itself.
  ScenarioStore.prototype.keepLevelValid = function () {
    if (this.path && !levels.at(this.scenario, this.path)) this.path = '';
  };

  // Which level the editors show; nothing in the document changes.
  ScenarioStore.prototype.setLevel = function (path) {
    this.path = path && levels.at(this.scenario, path) ? path : '';
  };

  // set() and mutate() on the level being edited: paths relative to it.
  ScenarioStore.prototype.setInLevel = function (path, value, structural) {
    this.keepLevelValid();
    this.set(this.path + path, value, structural);
  };

  ScenarioStore.prototype.mutateLevel = function (fn) {
    const level = this.level();
    this.mutate(() => fn(level));
  };

  // Sets the value at the pointer's tokens inside root, creating objects on
  // the way; an undefined value removes the member.
  ScenarioStore.put = function (root, tokens, value) {
    let node = root;
    for (let i = 0; i < tokens.length - 1; i += 1) {
      const token = tokens[i];
      const next = own(node, token);
      if (next === undefined || next === null || typeof next !== 'object') {
        setOwn(node, token, /^\d+$/.test(tokens[i + 1]) ? [] : {});
      }
      node = own(node, token);
    }
    const last = tokens[tokens.length - 1];
    if (value === undefined) {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete node[last];
    } else if (Array.isArray(node)) {
      node[last] = value;
    } else {
      setOwn(node, last, value);
    }
  };

  // Sets the value at a JSON pointer, creating objects on the way; an
  // undefined value removes the member. A keystroke: no structural change.
  ScenarioStore.prototype.set = function (path, value, structural) {
    ScenarioStore.put(this.scenario, parsePointer(path), value);
    this.exampleId = null;
    this.keepLevelValid();
    this.notify({ kind: structural ? 'structure' : 'value', path });
  };

  // The recipients the whole document would have, on all levels, were the
  // level being edited to hold `levelCount` (a paste, an import): the
  // page's limit (document.MAX_RECIPIENTS) is over the whole tree.
  ScenarioStore.prototype.recipientsWith = function (levelCount) {
    const level = this.level();
    const here = Array.isArray(level.recipients) ? level.recipients.length : 0;
    return recipientCount(this.scenario) - here + levelCount;
  };

  // A change of shape (rows added, moved, removed): fn edits the scenario.
  ScenarioStore.prototype.mutate = function (fn) {
    fn(this.scenario);
    this.exampleId = null;
    this.keepLevelValid();
    this.notify({ kind: 'structure' });
  };

export { storage, ScenarioStore };
