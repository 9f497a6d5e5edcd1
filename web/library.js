// The named scenarios kept in this browser (localStorage, through
// storage): an index {current, entries: [{id, title, updated}]}
// under "fordela.v1.index", and each scenario's document under
// "fordela.v1.entry.<id>". The index is read afresh before every change,
// so that two tabs editing different scenarios do not undo each other.
import { clock } from './clock.js';
import { fromText } from './document.js';
import * as levels from './levels.js';
import { storage } from './store.js';

  const INDEX = 'index';
  const ENTRY = 'entry.';
  // Before named scenarios the page kept one scenario under this key.
  const LEGACY = 'scenario';

  function now() {
    return clock.now().toISOString();
  }

  function newId() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  function titleOf(scenario) {
    return scenario && typeof scenario.title === 'string' ? scenario.title.trim() : '';
  }

  function readIndex() {
    let index = null;
    try {
      index = JSON.parse(storage.get(INDEX) || 'null');
    } catch (e) {
      index = null;
    }
    if (!index || typeof index !== 'object' || !Array.isArray(index.entries)) index = { current: null, entries: [] };
    index.entries = index.entries.filter((e) => e && typeof e.id === 'string' && /^[a-z0-9]+$/.test(e.id));
    if (!index.entries.some((e) => e.id === index.current)) index.current = null;
    return index;
  }

  function writeIndex(index) {
    return storage.set(INDEX, JSON.stringify(index));
  }

  function readEntry(id) {
    const text = storage.get(ENTRY + id);
    if (text === null) return { ok: false, problem: 'missing' };
    return fromText(text);
  }

  // Scenarios whose index line was lost (the index write failed after the
  // scenario was written, or the index was damaged) are listed again.
  function adoptOrphans(index) {
    const known = new Set(index.entries.map((e) => e.id));
    let found = false;
    for (const key of storage.keys()) {
      if (!key.startsWith(ENTRY)) continue;
      const id = key.slice(ENTRY.length);
      if (known.has(id) || !/^[a-z0-9]+$/.test(id)) continue;
      const entry = readEntry(id);
      if (!entry.ok) continue;
      index.entries.push({ id, title: titleOf(entry.scenario), updated: now() });
      found = true;
    }
    return found;
  }

  const library = {
    newId,

    // The index, after moving the single scenario kept by earlier versions
    // of the page into it (once; the old key goes when that succeeded).
    load() {
      const index = readIndex();
      let changed = adoptOrphans(index);
      const legacy = storage.get(LEGACY);
      if (legacy !== null) {
        const migrated = fromText(legacy);
        if (migrated.ok) {
          const id = newId();
          if (storage.set(ENTRY + id, JSON.stringify(migrated.scenario))) {
            index.entries.unshift({ id, title: titleOf(migrated.scenario), updated: now() });
            if (!index.current) index.current = id;
            changed = true;
          }
        }
      }
      if (changed && writeIndex(index) && legacy !== null) storage.remove(LEGACY);
      return index;
    },

    entries() {
      return readIndex().entries;
    },

    current() {
      return readIndex().current;
    },

    // {ok: true, scenario} or {ok: false, problem} (see document.migrate).
    read(id) {
      return readEntry(id);
    },

    // The stored text of a scenario, exactly as written (null when there is
    // none): what tells a save made in another tab from this tab's own.
    stored(id) {
      return storage.get(ENTRY + id);
    },

    // Whether a storage key (without the prefix) is a scenario's, and whose.
    entryOf(key) {
      return typeof key === 'string' && key.startsWith(ENTRY) ? key.slice(ENTRY.length) : null;
    },

    // Writes a scenario under id and, unless options.notCurrent, makes it
    // the current one; a new id is listed first, or right after
    // options.after. False when storage failed (storage.lastError says why).
    save(id, scenario, options) {
      const { after, notCurrent } = options || {};
      if (!storage.set(ENTRY + id, JSON.stringify(scenario))) return false;
      const index = readIndex();
      const line = { id, title: titleOf(scenario), updated: now() };
      const at = index.entries.findIndex((e) => e.id === id);
      if (at >= 0) {
        index.entries[at] = line;
      } else {
        const previous = after ? index.entries.findIndex((e) => e.id === after) : -1;
        index.entries.splice(previous + 1, 0, line);
      }
      if (!notCurrent) index.current = id;
      return writeIndex(index);
    },

    setCurrent(id) {
      const index = readIndex();
      if (index.current === id) return true;
      index.current = id;
      return writeIndex(index);
    },

    // Removes a scenario; returns what undo() needs, or null.
    remove(id) {
      const index = readIndex();
      const at = index.entries.findIndex((e) => e.id === id);
      const text = storage.get(ENTRY + id);
      if (at < 0 && text === null) return null;
      const removed = { line: index.entries[at] || { id, title: '', updated: now() }, at: Math.max(at, 0), text, wasCurrent: index.current === id };
      if (at >= 0) index.entries.splice(at, 1);
      if (index.current === id) index.current = null;
      if (!writeIndex(index)) return null;
      storage.remove(ENTRY + id);
      return removed;
    },

    // Puts back what remove() took, in its place.
    undo(removed) {
      if (removed.text !== null && !storage.set(ENTRY + removed.line.id, removed.text)) return false;
      const index = readIndex();
      if (!index.entries.some((e) => e.id === removed.line.id)) {
        index.entries.splice(Math.min(removed.at, index.entries.length), 0, removed.line);
      }
      if (removed.wasCurrent) index.current = removed.line.id;
      return writeIndex(index);
    },
  };

  // ---- working notes ------------------------------------------------------------

  // Kept with a work in this browser, never in its document, a link or a
  // file: working aids, not part of the decision. `work` names the work they
  // belong to ('entry.<id>' or 'example.<id>', web/decision.js); the views
  // that show them are handed these functions and touch no storage.
  const SNAPSHOT = 'snapshot.';
  const CHECKLIST = 'checklist.';

  const workNotes = {
    // The comparison's snapshot of the work: {doc, path, time, title}, or null.
    snapshot(work) {
      try {
        const kept = JSON.parse(storage.get(SNAPSHOT + work) || 'null');
        if (!kept || typeof kept !== 'object' || !kept.doc || typeof kept.doc !== 'object') return null;
        const time = new Date(kept.time);
        if (Number.isNaN(time.getTime()) || !levels.valid(kept.path)) return null;
        return { doc: kept.doc, path: kept.path, time, title: String(kept.title || '') };
      } catch (e) {
        return null;
      }
    },

    // Keeps the snapshot (null: drops it); false when it could not be kept.
    keepSnapshot(work, s) {
      if (!s) {
        storage.remove(SNAPSHOT + work);
        return true;
      }
      return storage.set(SNAPSHOT + work, JSON.stringify({ doc: s.doc, path: s.path, time: s.time.toISOString(), title: s.title }));
    },

    // The calendar's checklist ticks on a level of the work: {item: true}.
    checks(work, path) {
      try {
        const all = JSON.parse(storage.get(CHECKLIST + work) || '{}');
        const mine = all && all[path];
        return mine && typeof mine === 'object' ? mine : {};
      } catch (e) {
        return {};
      }
    },

    keepCheck(work, path, item, value) {
      let all;
      try {
        all = JSON.parse(storage.get(CHECKLIST + work) || '{}') || {};
      } catch (e) {
        all = {};
      }
      all[path] = Object.assign({}, all[path], { [item]: value });
      if (!value) delete all[path][item];
      storage.set(CHECKLIST + work, JSON.stringify(all));
    },
  };

export { library, workNotes };
