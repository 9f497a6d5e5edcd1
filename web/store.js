// The state of the page: the scenario document being edited (the same
// JSON the core reads), and the browser storage that keeps the last work.
(function (Fordela) {
  'use strict';

  const { parsePointer } = Fordela.dom;

  // localStorage on file:// is one store shared by every local page: keys
  // are prefixed and versioned, and every access may fail.
  const PREFIX = 'fordela.v1.';
  const storage = {
    get(key) {
      try {
        return window.localStorage.getItem(PREFIX + key);
      } catch (e) {
        return null;
      }
    },
    set(key, value) {
      try {
        window.localStorage.setItem(PREFIX + key, value);
        return true;
      } catch (e) {
        return false;
      }
    },
  };

  function ScenarioStore() {
    this.scenario = null;
    this.exampleId = null; // set while the scenario is an unedited example
    this.listeners = [];
  }

  ScenarioStore.prototype.subscribe = function (listener) {
    this.listeners.push(listener);
  };

  ScenarioStore.prototype.notify = function (change) {
    for (const listener of this.listeners) listener(change);
  };

  ScenarioStore.prototype.replace = function (scenario, exampleId) {
    this.scenario = scenario;
    this.exampleId = exampleId || null;
    this.notify({ kind: 'replace' });
  };

  // Sets the value at a JSON pointer, creating objects on the way; an
  // undefined value removes the member. A keystroke: no structural change.
  ScenarioStore.prototype.set = function (path, value, structural) {
    const tokens = parsePointer(path);
    let node = this.scenario;
    for (let i = 0; i < tokens.length - 1; i += 1) {
      const token = tokens[i];
      if (node[token] === undefined || node[token] === null || typeof node[token] !== 'object') {
        node[token] = /^\d+$/.test(tokens[i + 1]) ? [] : {};
      }
      node = node[token];
    }
    const last = tokens[tokens.length - 1];
    if (value === undefined) {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete node[last];
    } else {
      node[last] = value;
    }
    this.exampleId = null;
    this.notify({ kind: structural ? 'structure' : 'value', path });
  };

  // A change of shape (rows added, moved, removed): fn edits the scenario.
  ScenarioStore.prototype.mutate = function (fn) {
    fn(this.scenario);
    this.exampleId = null;
    this.notify({ kind: 'structure' });
  };

  ScenarioStore.prototype.save = function () {
    return storage.set('scenario', JSON.stringify(this.scenario));
  };

  ScenarioStore.prototype.restore = function () {
    const text = storage.get('scenario');
    if (!text) return null;
    try {
      const scenario = JSON.parse(text);
      return scenario && scenario.format === 'fordela-scenario' ? scenario : null;
    } catch (e) {
      return null;
    }
  };

  Fordela.storage = storage;
  Fordela.ScenarioStore = ScenarioStore;
})(window.Fordela = window.Fordela || {});
