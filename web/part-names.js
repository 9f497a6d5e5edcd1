// Names that follow their setting: a part of the key is called after what
// it is split by ("Efter Barn 0–17", "Kostnadsberäknat") until the user
// types a name of its own. The name is written into the document, so the
// core's warnings, explanations and column heads use it too.
(function (Fordela) {
  'use strict';

  const { tIn } = Fordela.i18n;
  const LANGS = ['sv', 'en'];

  function labelOf(level, id) {
    const ind = (level.indicators || []).find((i) => i && i.id === id);
    return ind ? String(ind.label || ind.id) : String(id || '');
  }

  // The name a part's setting gives it, in a language.
  function autoName(component, level, language) {
    const basis = component && component.basis;
    if (basis === 'indicator' || basis === 'fixed') {
      if (!component.indicator) return '';
      return tIn(language, 'part.auto.' + basis, { label: labelOf(level, component.indicator) });
    }
    return ['weighted', 'equal', 'cost'].includes(basis) ? tIn(language, 'part.auto.' + basis) : '';
  }

  // Whether a part's name was set by the page, not typed by the user: empty,
  // a default ("Del 2", "Fördelning efter antal") or its setting's name, in
  // either language.
  function isAuto(component, level) {
    const name = String((component && component.name) || '').trim();
    if (name === '') return true;
    return LANGS.some((language) => name === tIn(language, 'new.component')
      || new RegExp('^' + tIn(language, 'key.component.new', { n: '\\d+' }) + '$').test(name)
      || name.replace(/ \(\d+\)$/, '') === autoName(component, level, language));
  }

  // Runs change(level) and renames the parts whose names the page had set.
  function follow(level, change) {
    const auto = (level.key || []).map((c) => isAuto(c, level));
    change(level);
    (level.key || []).forEach((c, i) => {
      if (!auto[i] || !c) return;
      const name = autoName(c, level, Fordela.i18n.lang());
      if (!name) return;
      // Two parts split the same way stay two names: "Lika delar (2)".
      const others = new Set((level.key || []).filter((o, j) => j !== i && o).map((o) => o.name));
      let unique = name;
      for (let n = 2; others.has(unique); n += 1) unique = name + ' (' + n + ')';
      c.name = unique;
    });
  }

  Fordela.partNames = { autoName, isAuto, follow };
})(window.Fordela = window.Fordela || {});
