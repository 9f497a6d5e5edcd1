// Start-up: the language, the views and the listeners, then the core;
// once it is loaded, the first document (web/toolbar.js's openFirst).
import { core } from './core.js';
import { listenForEdits } from './edits.js';
import * as i18n from './i18n.js';
import { t } from './i18n.js';
import { startImport } from './import.js';
import { startLoop, coreLoaded } from './loop.js';
import { showNotice } from './notices.js';
import { openFirst, listenToToolbar } from './toolbar.js';
import * as workspace from './workspace.js';

function start() {
  i18n.setLang(workspace.keptLanguage());
  i18n.applyStatic(document);
  startLoop();
  listenForEdits(document.getElementById('main'));
  startImport();
  listenToToolbar();
  workspace.init();
  let loaded = false;
  core.load().then(() => {
    loaded = true;
    coreLoaded();
    document.getElementById('core-version').textContent = core.version();
    return openFirst(core.examples());
  }).catch((e) => {
    const message = e && e.message ? e.message : String(e);
    showNotice(t(loaded ? 'notice.core_failed' : 'notice.core_missing', { message }));
  });
}

export { start };
