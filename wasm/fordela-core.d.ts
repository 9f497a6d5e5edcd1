// Type declarations for web/gen/fordela-core.js, the WebAssembly build of
// the core (wasm/bindings.cpp). Every function takes and returns JSON text;
// none throws on bad input: problems come back as findings.
//
// In the page (a classic script):
//   const core = await FordelaCore();
//   const result = JSON.parse(core.compute(JSON.stringify(scenario)));
// In Node:
//   const core = await require('./web/gen/fordela-core.js')();
//
// Create the module once and keep it: each call to FordelaCore()
// instantiates a new copy of the WebAssembly.

export as namespace FordelaCore;
export = FordelaCore;

/**
 * Instantiates the core. The WebAssembly is embedded in the script, so
 * nothing is fetched (this works from file:// too).
 */
declare function FordelaCore(options?: FordelaCore.Options): Promise<FordelaCore.Module>;

declare namespace FordelaCore {
  /** The fields of the Emscripten Module object the build reads. */
  interface Options {
    /** Called when the WebAssembly aborts (a bug in the core, or out of memory). */
    onAbort?: (what: unknown) => void;
    /** Where the core's standard output goes (it writes none in normal use). */
    print?: (text: string) => void;
    /** Where the core's standard error goes. */
    printErr?: (text: string) => void;
  }

  interface Module {
    /**
     * Validates and computes a scenario (docs/scenario-format.md).
     * @param scenarioJson the scenario document as JSON text
     * @returns a {@link Result} as JSON text; always well-formed. On errors
     *   `ok` is false and the findings say why.
     */
    compute(scenarioJson: string): string;

    /**
     * Validates a scenario without computing amounts.
     * @returns `{"ok": boolean, "findings": Finding[]}` as JSON text
     */
    validate(scenarioJson: string): string;

    /**
     * The scenario in canonical form (defaults filled in, amounts as plain
     * numbers), for links and files.
     * @returns the normalized scenario as JSON text, or
     *   `{"ok": false, "findings": Finding[]}` when it has errors
     */
    normalize(scenarioJson: string): string;

    /**
     * Apportionment on its own (core/include/fordela/api.hpp).
     * @param requestJson an {@link ApportionRequest} as JSON text
     * @returns an {@link ApportionResponse} as JSON text
     */
    apportion(requestJson: string): string;

    /**
     * One amount as people paste it: "5 900 000", "1,75 mnkr", "750 tkr",
     * "6 214 587,50" (ordinary, no-break or narrow no-break spaces; "-" or
     * "−" as minus).
     * @returns `{"ok": true, "ore": number}` or
     *   `{"ok": false, "findings": Finding[]}` (the message quotes the input)
     */
    parseAmount(text: string): string;

    /**
     * How one recipient's amount was computed (core/include/fordela/explain.hpp):
     * the steps with the actual numbers, in Swedish and English sentences
     * ready to print or paste into a decision paper.
     * @param name the recipient's name, exactly as in the scenario
     * @returns an {@link Explanation} as JSON text; `ok` is false for a
     *   scenario with errors or a name that is not a recipient (finding
     *   "explain.unknown_recipient", whose message lists the recipients)
     */
    explain(scenarioJson: string, name: string): string;

    /**
     * The same for a recipient inside nested levels.
     * @param namesJson a JSON array of names leading down from the top, the
     *   recipient's own last; a name followed by another that is not split
     *   further is "explain.no_sub_level"
     */
    explainIn(scenarioJson: string, namesJson: string): string;

    /**
     * Two scenarios side by side (core/include/fordela/compare.hpp), e.g.
     * before and after an edit: what each recipient finally receives.
     * @returns a {@link Comparison} as JSON text
     */
    compare(aJson: string, bJson: string): string;

    /**
     * Reads CSV text or rows pasted from Excel; a leading BOM is skipped.
     * Cells stay text as written ("48 000", "1,5"): the scenario reader
     * parses them.
     * @param separator "\t", ";" or ","; "" to guess it from the first line
     *   (tab, else ";", else ","). Rows pasted from Excel are "\t".
     * @returns `{"ok": true, "separator": string, "rows": string[][]}` or
     *   `{"ok": false, "error": CsvError, "line": number}` as JSON text
     */
    readCsv(text: string, separator: string): string;

    /**
     * A {@link Result} as CSV for Swedish Excel: ";" between cells, "," as
     * decimal mark, UTF-8 with a BOM, CRLF,
     * amounts as plain kronor ("5900000", "6214587,50"), text that Excel
     * would run as a formula prefixed with "'". The columns are those of
     * the page's result table, with a totals row, then an empty line and
     * the summary as "label;amount" lines (docs/csv-format.md).
     * @param resultJson the result of compute(), as JSON text
     * @param scenarioJson the scenario it was computed from (earmark names), or ""
     * @param language "sv" or "en": the words of the headers
     * @returns the CSV text, or "" when resultJson is not a result with
     *   recipients. The core writes the BOM first, but the TextDecoder that
     *   turns the answer into a JS string drops a leading BOM: put U+FEFF
     *   back in front before writing the file (web/core.js does).
     */
    resultCsv(resultJson: string, scenarioJson: string, language: 'sv' | 'en'): string;

    /**
     * A {@link Comparison} as CSV for Swedish Excel, in the dialect of
     * resultCsv: the recipient, "A: <aLabel> (kr)", "B: <bLabel> (kr)", the
     * difference B − A in kronor and in per cent ("-12,5"), then a totals
     * row. A recipient on one side only has an empty cell on the other.
     * @param comparisonJson the answer of compare(), as JSON text
     * @param aLabel, bLabel what the page calls A and B (isolated in the
     *   headers: they may hold a user's title)
     * @param language "sv" or "en": the words of the headers
     * @returns the CSV text, or "" when comparisonJson is not a comparison;
     *   the BOM is dropped on the way as with resultCsv.
     */
    compareCsv(comparisonJson: string, aLabel: string, bLabel: string, language: 'sv' | 'en'): string;

    /** The core's version, e.g. "0.1.0". */
    version(): string;
    /** JSON text of ScenarioLimits, the limits every scenario is read with. */
    limits(): string;

    /**
     * The examples of examples/*.json, compiled in so that the page needs
     * no fetch.
     * @returns a JSON array of {@link Example}, sorted by id
     */
    examples(): string;

    /**
     * The columnar entry (core/include/fordela/columns.hpp): a key of
     * apportioned components and earmarks given as columns, no JSON in
     * between; for large inputs (a million recipients do not fit a
     * document). Unlike the other functions it takes and returns objects.
     * Every number must be a whole number (öre, or a basis value); one
     * that is not comes back as a finding, never coerced.
     */
    computeColumns(input: ColumnsInput): ColumnsResult;
  }

  interface ColumnsInput {
    pot_ore: number;
    deductions_ore?: number;
    /** The rounding unit in öre; default 100 (1 kr). */
    unit_ore?: number;
    method?: Method;
    /** Default 'recipient'. */
    level?: 'recipient' | 'component';
    /** Each apportioned by its basis: one whole number per recipient. */
    components: Array<{ share: number | string; basis: Float64Array | number[] }>;
    /** Each: one amount in öre per recipient, added on top. */
    earmarks?: Array<Float64Array | number[]>;
  }

  interface ColumnsResult {
    ok: boolean;
    findings: Finding[];
    /** When ok: per recipient, the amount by the key, in öre. */
    formula_ore?: Float64Array;
    /** When ok: per recipient, formula plus earmarks, in öre. */
    total_ore?: Float64Array;
    not_allocated_ore?: number;
  }

  // ---- The JSON documents, for JSON.parse(...) as T ----------------------

  type Severity = 'error' | 'warning' | 'info';

  /** Why readCsv() could not read the text (core/include/fordela/csv.hpp). */
  type CsvError = 'unterminated_quote' | 'text_after_quote' | 'too_many_rows' | 'too_many_fields' | 'field_too_long';

  /** A problem the core noticed, with a stable code and a message in both languages. */
  interface Finding {
    severity: Severity;
    /** Stable, e.g. "frame.not_fully_allocated"; listed in core/src/findings.cpp. */
    code: string;
    /** JSON pointer of the field concerned, e.g. "/recipients/2/name". */
    path: string;
    message: { sv: string; en: string };
  }

  /** The outcome of compute(): amounts are integer öre (`…_ore`). */
  interface Result {
    format: 'fordela-result';
    version: number;
    ok: boolean;
    findings: Finding[];
    /** Present when ok; see docs/scenario-format.md, "Result". */
    rounding?: { unit_ore: number; method: string; level: 'recipient' | 'component' };
    components?: Array<{ name: string; basis: string; share: string; frame_ore: number; basis_total: string }>;
    recipients?: ResultRecipient[];
    totals?: {
      pot_ore: number;
      deductions_ore: number;
      net_ore: number;
      formula_ore: number;
      not_allocated_ore: number;
      earmarks_ore: number;
      total_ore: number;
      unrequisitioned_ore: number;
      redistributed_ore: number;
      final_ore: number;
    };
    redistribution?: { pool_ore: number; recipients: number; not_allocated_ore: number } | null;
  }

  interface ResultRecipient {
    name: string;
    components: Array<{ exact: string; exact_ore: number; amount_ore: number | null }>;
    /** The exact quota as "numerator/denominator" in öre. */
    exact: string;
    exact_ore: number;
    formula_ore: number;
    rounding_ore: number;
    earmarks_ore: number[];
    total_ore: number;
    requisitioned: boolean;
    /** Minus its amount by the key when it did not requisition, else 0:
     *  total_ore + unrequisitioned_ore + redistribution_ore = final_ore. */
    unrequisitioned_ore: number;
    redistribution_ore: number;
    final_ore: number;
    /** On a recipient with a cost: what the item costs, counted or not. */
    cost_ore?: number;
    /** An item whose cost is not decided yet: out of the sum. */
    pending?: true;
  }

  type Method = 'largest-remainder' | 'dhondt' | 'sainte-lague' | 'huntington-hill' | 'adams' | 'dean';

  /** Either `units`, or `total` with `unit` (amounts as parseAmount reads them). */
  interface ApportionRequest {
    /** Non-negative decimals, as numbers or strings ("1,5"). */
    weights: Array<number | string>;
    names?: string[];
    method?: Method;
    /** Sainte-Laguë's first divisor, in [1, 3): "1.2" in Sweden. */
    first_divisor?: number | string;
    min_units?: number;
    units?: number;
    total?: number | string;
    unit?: number | string;
  }

  interface ApportionResponse {
    ok: boolean;
    /** One per weight, in order: units, or öre when a total was given. */
    allocation?: number[];
    /** The unit in öre when a total was given; null for plain units. */
    unit_ore?: number | null;
    not_allocated_ore?: number;
    /** Indices tied for the last unit(s); the tie went to the one listed first. */
    tied?: number[];
    findings: Finding[];
  }

  /** The outcome of explain(). Amounts are integer öre, exact values "num/den" öre, as in {@link Result}. */
  interface Explanation {
    ok: boolean;
    recipient: string;
    /** For explainIn() with more than one name: the names. */
    path?: string[];
    /** When ok: the steps in the order computed. */
    steps?: ExplanationStep[];
    /** When ok: a heading and the steps' sentences, one step a line. */
    text?: { sv: string; en: string };
    findings: Finding[];
  }

  /**
   * One step, with the values it used. By kind:
   * pot: pot_ore, deductions_ore, net_ore;
   * component (apportioned): component, frame_ore, basis, basis_total, share ("num/den"), exact, exact_ore;
   * given (fixed or cost): component, frame_ore, exact, exact_ore, amount_ore;
   * exact: exact, exact_ore;
   * rounding: level ('recipient' | 'component'), component (level component), method, unit_ore, units_total,
   *   quota_units ("num/den"), units, tied (names), amount_ore, rounding_ore, and formula_ore (level
   *   recipient) or exact_ore (level component); for largest remainder also whole_units, remainder,
   *   leftover_units, rank, ranked_among, extra_unit, or minimum_units when the minimum applied;
   * earmark: earmark (index), amount_ore;
   * redistribution: pool_ore, requisitioned, opted_in, amount_ore, and for one that opted in share,
   *   exact, exact_ore and the rounding values;
   * total: formula_ore, earmarks_ore, redistribution_ore, final_ore, amount_ore (= final_ore).
   */
  interface ExplanationStep {
    kind: 'pot' | 'component' | 'given' | 'exact' | 'rounding' | 'earmark' | 'redistribution' | 'total';
    sv: string;
    en: string;
    [value: string]: unknown;
  }

  /** The outcome of compare(); amounts are each recipient's final_ore. */
  interface Comparison {
    /** Both scenarios computed without errors. */
    ok: boolean;
    a_ok: boolean;
    b_ok: boolean;
    /** a's order, then b's new ones; empty unless ok. */
    recipients: Array<ComparisonRow & { name: string; only_in: 'a' | 'b' | null }>;
    totals: ComparisonRow | null;
    /** Findings whose code and path are only in b. */
    findings_added: Finding[];
    /** Findings whose code and path are only in a. */
    findings_removed: Finding[];
  }

  interface ComparisonRow {
    /** 0 for a recipient that is only in the other scenario. */
    a_ore: number;
    b_ore: number;
    /** b − a. */
    diff_ore: number;
    /** 100 × (b − a) / a with one decimal ("-8.6"), halves away from zero; null when a is 0. */
    diff_percent: string | null;
  }

  interface Example {
    /** The file name without .json, e.g. "stockholm-2021". */
    id: string;
    /** The scenario document, as in the file. */
    scenario: object;
  }
}
