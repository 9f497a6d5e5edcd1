// Names that follow their setting: a part of the key is called after what
// it is split by ("Efter Barn 0–17", "Kostnadsberäknat"), an earmark after
// its column ("Öronmärkt: Läxhjälp") and a cost-built item after what it
// costs ("2,5 årsarbetare + Lokal"), until the user types a name of its
// own. The name is written into the document, so the core's warnings,
// explanations and column heads use it too.
import * as format from './format.js';
import * as i18n from './i18n.js';
import { tIn } from './i18n.js';

  const LANGS = ['sv', 'en'];

  function labelOf(level, id) {
    const ind = (level.indicators || []).find((i) => i && i.id === id);
    return ind ? String(ind.label || ind.id) : String(id || '');
  }

  // A number as typed ("2,5"), or as the document holds it (2.5), written
  // the way the language writes it. Not an amount: the core computes those.
  function typedNumber(value, language) {
    if (typeof value === 'number') return format.number(value, language);
    const text = String(value == null ? '' : value).trim();
    return language === 'en' ? text.replace(',', '.') : text.replace('.', ',');
  }

  function isZero(value) {
    return value === undefined || value === null || /^[\s0,.]*$/.test(String(value));
  }

  const hasCostPart = (level) => (level.key || []).some((c) => c && c.basis === 'cost');

  // What each kind of named thing is, where its list is, the names the page
  // gives new ones, and the name its setting gives it (or '' for none).
  const KINDS = [
    {
      list: (level) => level.key || [],
      defaults: ['new.component', 'key.component.new'],
      autoName(component, level, language) {
        const basis = component && component.basis;
        if (basis === 'indicator' || basis === 'fixed') {
          if (!component.indicator) return '';
          return tIn(language, 'part.auto.' + basis, { label: labelOf(level, component.indicator) });
        }
        return ['weighted', 'equal', 'cost'].includes(basis) ? tIn(language, 'part.auto.' + basis) : '';
      },
    },
    {
      list: (level) => level.earmarks || [],
      defaults: ['earmarks.new'],
      autoName(earmark, level, language) {
        return earmark && earmark.indicator ? tIn(language, 'earmark.auto', { label: labelOf(level, earmark.indicator) }) : '';
      },
    },
    {
      // Recipients are the items of a cost-built key; otherwise their names
      // are the user's.
      list: (level) => level.recipients || [],
      applies: hasCostPart,
      defaults: ['recipient.new', 'item.new'],
      autoName(recipient, level, language, index) {
        const cost = (recipient && recipient.cost) || {};
        const parts = [];
        if (!isZero(cost.posts)) parts.push(tIn(language, 'item.auto.posts', { posts: typedNumber(cost.posts, language) }));
        for (const other of Array.isArray(cost.other) ? cost.other : []) {
          const name = other && typeof other.name === 'string' ? other.name.trim() : '';
          if (name) parts.push(name);
        }
        return parts.length ? parts.join(' + ') : tIn(language, 'item.new', { n: index + 1 });
      },
    },
  ];

  // The name a part's setting gives it, in a language.
  function autoName(component, level, language) {
    return KINDS[0].autoName(component, level, language);
  }

  // "^Mottagare \d+$" for 'recipient.new' in a language, made once.
  const patterns = new Map();
  function defaultPattern(language, key) {
    const id = language + ' ' + key;
    if (!patterns.has(id)) patterns.set(id, new RegExp('^' + tIn(language, key, { n: '\\d+' }) + '$'));
    return patterns.get(id);
  }

  // Whether a name was set by the page, not typed by the user: empty, a
  // default ("Del 2", "Öronmärkt 1", "Mottagare 3") or its setting's name,
  // in either language.
  function isAutoOf(kind, item, level, index) {
    const name = String((item && item.name) || '').trim();
    if (name === '') return true;
    const bare = name.replace(/ \(\d+\)$/, '');
    return LANGS.some((language) => kind.defaults.some((key) => defaultPattern(language, key).test(name))
      || bare === kind.autoName(item, level, language, index));
  }

  function isAuto(component, level) {
    return isAutoOf(KINDS[0], component, level, 0);
  }

  // How many of a list's items have each name.
  function nameCounts(list) {
    const counts = new Map();
    for (const item of list) if (item) counts.set(item.name, (counts.get(item.name) || 0) + 1);
    return counts;
  }

  // Two things set alike stay two names: "Lika delar (2)". counts: the
  // list's nameCounts, kept up to date.
  function rename(item, name, counts) {
    const taken = (n) => (counts.get(n) || 0) - (n === item.name ? 1 : 0) > 0;
    let free = name;
    for (let n = 2; taken(free); n += 1) free = name + ' (' + n + ')';
    counts.set(item.name, (counts.get(item.name) || 1) - 1);
    counts.set(free, (counts.get(free) || 0) + 1);
    item.name = free;
  }

  // Runs change(level) and renames what the page had named: the parts of
  // the key, the earmarks and the cost-built items whose setting changed.
  function follow(level, change) {
    const auto = KINDS.map((kind) => new Set(kind.list(level).filter((item, i) => item && isAutoOf(kind, item, level, i))));
    change(level);
    KINDS.forEach((kind, k) => {
      if (kind.applies && !kind.applies(level)) return;
      const list = kind.list(level);
      const counts = nameCounts(list);
      list.forEach((item, i) => {
        if (!auto[k].has(item)) return;
        const name = kind.autoName(item, level, i18n.lang(), i);
        if (name) rename(item, name, counts);
      });
    });
  }

  // The name a new earmark or item gets from its setting ('' for none).
  function newName(which, item, level) {
    const kind = KINDS[which === 'earmarks' ? 1 : 2];
    if (kind.applies && !kind.applies(level)) return '';
    const list = kind.list(level);
    const name = kind.autoName(item, level, i18n.lang(), list.length);
    if (!name) return '';
    const named = { name: undefined };
    rename(named, name, nameCounts(list));
    return named.name;
  }

export { autoName, isAuto, follow, newName };
