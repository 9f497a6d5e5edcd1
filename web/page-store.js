// The one document the page edits (web/store.js's ScenarioStore): the only
// mutable state of the page beside the interface's own (the level shown,
// the language, which panels are open). Edits change it; two modules watch
// it, the loop (web/loop.js) and the autosave (web/workspace.js), and
// neither depends on the other having seen a change first.
import { ScenarioStore } from './store.js';

const store = new ScenarioStore();

export { store };
