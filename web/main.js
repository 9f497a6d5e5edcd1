// The page's entry point: scripts/build bundles this file and all it
// imports into one classic script, web/gen/fordela-page.js (esbuild, IIFE,
// minified), which index.html loads after the core; pages opened from
// file:// cannot load ES modules, so the modules exist only in the source.
import { clock } from './clock.js';
import { core } from './core.js';
import { migrate, fromText } from './document.js';
import * as format from './format.js';
import * as i18n from './i18n.js';
import * as link from './link.js';
import * as linkCoder from './link-coder.js';
import { linkPrimer } from './link-primer.js';
import { busy } from './loop.js';
import { start } from './start.js';
import { CalendarView } from './views/calendar.js';
import { ChartView } from './views/chart.js';
import { CompareView } from './views/compare.js';
import { ExplainView } from './views/explain.js';
import { FindingsView } from './views/findings.js';
import { ImportView } from './views/import.js';
import { KeyView, EarmarksView, RoundingView } from './views/key.js';
import { AboutView, PotView } from './views/pot.js';
import { IndicatorsView, RecipientsView, RequisitionView, CostsView } from './views/recipients.js';
import { SummaryView, ResultView } from './views/result.js';
import { RoundingEffectsView } from './views/rounding-effects.js';
import { ScenariosView, Toast } from './views/scenarios.js';
import { LevelsView } from './views/tree.js';

// window.Fordela: the test and debug hook, not an API the page itself
// uses (no module reads it). It holds what tests/ and bench/ reach from
// inside the page: the core (the very object the page calls, so that
// bench/page.js can time core.compute), the link coders, the clock a test
// fixes, the formatter, the document reader, the strings, the view classes
// (bench/page.js times their methods) and busy(), which tests wait on.
window.Fordela = {
  core,
  link,
  linkCoder,
  linkPrimer,
  clock,
  format,
  i18n,
  document: { migrate, fromText },
  views: {
    AboutView, PotView, IndicatorsView, RecipientsView, RequisitionView, CostsView, KeyView, EarmarksView, RoundingView,
    FindingsView, SummaryView, ResultView, ChartView, RoundingEffectsView, ExplainView, CompareView, CalendarView,
    LevelsView, ScenariosView, ImportView, Toast,
  },
  busy,
};

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
