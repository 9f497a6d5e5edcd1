#!/usr/bin/env bash
# The CLI as a user runs it: exit statuses, what lands on stdout, and the
# warnings on stderr. Run by CTest with FORDELA (the binary) and
# FORDELA_SOURCE_DIR (the repository) in the environment.
set -uo pipefail

FORDELA="${FORDELA:?FORDELA must name the fordela binary}"
SOURCE_DIR="${FORDELA_SOURCE_DIR:?FORDELA_SOURCE_DIR must name the repository}"
EXAMPLES="$SOURCE_DIR/examples"

work="$(mktemp -d "${TMPDIR:-/tmp}/fordela-cli-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
current=""

# ---- helpers -----------------------------------------------------------

# run STDIN ARGS...: runs the CLI; sets status, out and err.
run() {
  local input="$1"
  shift
  printf '%s' "$input" | "$FORDELA" "$@" >"$work/out" 2>"$work/err"
  status=$?
  out="$(cat "$work/out")"
  err="$(cat "$work/err")"
}

# run_file FILE ARGS...: as run, with FILE on stdin.
run_file() {
  local file="$1"
  shift
  "$FORDELA" "$@" <"$file" >"$work/out" 2>"$work/err"
  status=$?
  out="$(cat "$work/out")"
  err="$(cat "$work/err")"
}

case_() { current="$1"; }

pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  printf 'FAIL: %s: %s\n' "$current" "$1"
  printf '  exit status: %s\n  stdout: %s\n  stderr: %s\n' "$status" "${out:0:600}" "${err:0:600}"
}

expect_status() {
  if [[ "$status" == "$1" ]]; then pass; else fail "exit status $status, expected $1"; fi
}
expect_out_contains() {
  if [[ "$out" == *"$1"* ]]; then pass; else fail "stdout lacks '$1'"; fi
}
expect_out_lacks() {
  if [[ "$out" != *"$1"* ]]; then pass; else fail "stdout has '$1'"; fi
}
expect_err_contains() {
  if [[ "$err" == *"$1"* ]]; then pass; else fail "stderr lacks '$1'"; fi
}
expect_err_empty() {
  if [[ -z "$err" ]]; then pass; else fail "stderr is not empty"; fi
}
expect_out_equals() {
  if [[ "$out" == "$1" ]]; then pass; else fail "stdout differs from: $(printf '%q' "$1")"; fi
}
# expect_json EXPRESSION: a JavaScript expression over `r`, the parsed stdout.
expect_json() {
  if node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
              process.exit((new Function("r", "return (" + process.argv[2] + ")"))(r) ? 0 : 1)' \
      "$work/out" "$1" 2>/dev/null; then
    pass
  else
    fail "stdout (as JSON) fails: $1"
  fi
}

# ---- help and usage ----------------------------------------------------

case_ "--help prints the usage on stdout"
run "" --help
expect_status 0
expect_out_contains "Usage: fordela"
expect_out_contains "compute SCENARIO.json"
expect_out_contains "explain SCENARIO.json NAME"
expect_out_contains "compare A.json B.json"
expect_out_contains "apportion"
for method in largest-remainder dhondt sainte-lague huntington-hill adams dean; do
  expect_out_contains "$method"
done

case_ "-h is --help"
run "" -h
expect_status 0
expect_out_contains "Usage: fordela"

case_ "no arguments: usage on stderr, exit 2"
run ""
expect_status 2
expect_err_contains "Usage: fordela"
expect_out_equals ""

case_ "an unknown command is a usage error"
run "" explane examples/stockholm-2021.json
expect_status 2
expect_err_contains "unknown command 'explane'"

case_ "compute without a file is a usage error"
run "" compute
expect_status 2
expect_err_contains "compute takes one scenario file"

case_ "compute of a missing file is a usage error naming the file"
run "" compute "$work/no-such-scenario.json"
expect_status 2
expect_err_contains "no-such-scenario.json"

case_ "compute of a directory (unreadable) is a usage error"
run "" compute "$work"
expect_status 2
expect_err_contains "cannot read"

case_ "compute with an unknown format is a usage error"
run "" compute "$EXAMPLES/stockholm-2021.json" --format xml
expect_status 2
expect_err_contains "--format is json or csv"

case_ "an unknown flag is a usage error"
run "" compute "$EXAMPLES/stockholm-2021.json" --colour
expect_status 2
expect_err_contains "unknown option '--colour'"

case_ "a flag without its value is a usage error"
run "" compute "$EXAMPLES/stockholm-2021.json" --format
expect_status 2
expect_err_contains "--format needs a value"

case_ "apportion needs --seats or --total with --unit"
run "name,weight
A,1
" apportion --method dhondt
expect_status 2
expect_err_contains "--seats"

case_ "apportion --total without --unit is a usage error"
run "name,weight
A,1
" apportion --total 1000
expect_status 2

case_ "apportion with both --seats and --total is a usage error"
run "name,weight
A,1
" apportion --seats 3 --total 1000 --unit 10
expect_status 2
expect_err_contains "not both"

case_ "apportion takes no file argument"
run "" apportion --seats 3 weights.csv
expect_status 2
expect_err_contains "standard input"

# ---- apportion: seats --------------------------------------------------

votes="party,votes
A,4600
B,3300
C,2100
"

case_ "10 seats by largest remainder: quotas 4.6, 3.3, 2.1 give 5, 3, 2"
run "$votes" apportion --method largest-remainder --seats 10
expect_status 0
expect_out_equals "name,allocation
A,5
B,3
C,2"
expect_err_empty

case_ "largest remainder is the default method"
run "$votes" apportion --seats 10
expect_status 0
expect_out_contains "A,5"

big_party="party,votes
A,6000
B,2500
C,1500
"

case_ "D'Hondt favours the large party: 6000, 2500, 1500 votes give 7, 2, 1 of 10"
run "$big_party" apportion --method dhondt --seats 10
expect_status 0
expect_out_equals "name,allocation
A,7
B,2
C,1"

case_ "a tie for the last seat goes to the one listed first, with a warning naming both"
# Largest remainder: quotas 6, 2.5, 1.5; B and C tie on .5 for the 10th seat.
run "$big_party" apportion --method largest-remainder --seats 10
expect_status 0
expect_out_equals "name,allocation
A,6
B,3
C,1"
expect_err_contains "warning: Equal claims to the last unit between B, C"
expect_err_contains "apportion.tie"

case_ "Sainte-Lague with Sweden's first divisor 1.2"
# Divisors 1.2, 3, 5, 7, 9: A 3833 1533 920 657 511, B 2750 1100 660 (471),
# C 1750 700 (420): the ten largest give A 5, B 3, C 2.
run "$votes" apportion --method sainte-lague --first-divisor 1.2 --seats 10
expect_status 0
expect_out_equals "name,allocation
A,5
B,3
C,2"

case_ "--first-divisor for another method is ignored with a warning"
run "$votes" apportion --method dhondt --first-divisor 1.2 --seats 10
expect_status 0
expect_err_contains "warning: --first-divisor only affects sainte-lague"

case_ "--min gives every recipient with weight at least K seats"
run "name,weight
A,97
B,2
C,1
" apportion --seats 10 --min 1
expect_status 0
expect_out_equals "name,allocation
A,8
B,1
C,1"

case_ "decimal weights with '.' and names that need quoting in CSV"
run 'name,weight
"Hässelby, Vällingby",1.5
"Say ""hi""",0.5
' apportion --seats 4
expect_status 0
expect_out_equals 'name,allocation
"Hässelby, Vällingby",3
"Say ""hi""",1'

case_ "a zero weight gets nothing"
run "name,weight
A,3
B,0
" apportion --seats 5
expect_status 0
expect_out_equals "name,allocation
A,5
B,0"

# ---- apportion: amounts ------------------------------------------------

case_ "--total 1 000 050 in units of 100 000: 50 kr not allocated, with a warning"
run "$votes" apportion --total "1 000 050" --unit "100 000"
expect_status 0
expect_out_equals "name,allocation
A,500000
B,300000
C,200000"
expect_err_contains "warning: 50 kr is not allocated"

case_ "amounts as people write them: 5 mnkr in units of 250 tkr"
run "name,weight
A,1
B,1
C,2
" apportion --total "5 mnkr" --unit "250 tkr"
expect_status 0
expect_out_equals "name,allocation
A,1250000
B,1250000
C,2500000"
expect_err_empty

case_ "a unit of one öre gives amounts with decimals"
run "name,weight
A,1
B,2
" apportion --total "100" --unit "0,01"
expect_status 0
expect_out_contains "A,33.33"
expect_out_contains "B,66.67"

case_ "an unreadable total is bad input"
run "$votes" apportion --total "fem miljoner" --unit 1000
expect_status 1
expect_err_contains "--total"

case_ "a unit of zero is bad input"
run "$votes" apportion --total 1000 --unit 0
expect_status 1
expect_err_contains "--unit"

# ---- apportion: bad input ----------------------------------------------

case_ "an unknown method is bad input, listing the methods"
run "$votes" apportion --method hare-niemeyer --seats 10
expect_status 1
expect_err_contains "--method: Unknown rounding method “hare-niemeyer”"
expect_err_contains "sainte-lague"

case_ "a bad weight is reported with its line number"
run "name,weight
A,10
B,tio
" apportion --seats 5
expect_status 1
expect_err_contains "line 3"
expect_err_contains "tio"
expect_out_equals ""

case_ "line numbers count empty lines and names spanning lines"
run 'name,weight

"Two
lines",1
B,x
' apportion --seats 5
expect_status 1
expect_err_contains "line 5"

case_ "a negative weight is bad input with its line"
run "name,weight
A,10
B,-5
" apportion --seats 5
expect_status 1
expect_err_contains "line 3: The value must not be negative: “-5”"

case_ "a row with three fields is bad input"
run "name,weight
A,1,2
" apportion --seats 5
expect_status 1
expect_err_contains "line 2"

case_ "a first line that is data, not a header, is refused"
run "A,10
B,5
" apportion --seats 5
expect_status 1
expect_err_contains "header"

case_ "all weights zero is bad input"
run "name,weight
A,0
B,0
" apportion --seats 5
expect_status 1
expect_err_contains "Every weight is 0"

case_ "an unterminated quote is bad input with its line"
run 'name,weight
"A,1
' apportion --seats 5
expect_status 1
expect_err_contains "line 2"

case_ "a non-numeric --seats is bad input"
run "$votes" apportion --seats ten
expect_status 1
expect_err_contains "--seats"

# ---- apportion: what a hostile run found (issue 17) --------------------

case_ "a weight of 46,600 is ambiguous: refused, quoting it and both readings"
run 'name,weight
A,"46,600"
B,46.600
' apportion --seats 5
expect_status 1
expect_err_contains "line 2: “46,600” can be read two ways: as 46${NB:-$'\xc2\xa0'}600 or as 46.6"
expect_err_contains "line 3: “46.600” can be read two ways"
expect_err_contains "number.ambiguous"
expect_out_equals ""

case_ "a weight whose mark cannot be a thousands separator is read as a decimal"
run 'name,weight
A,"0,600"
B,"1 046,600"
C,"46,60"
' apportion --seats 10
expect_status 0
expect_out_equals "name,allocation
A,0
B,10
C,0"

case_ "--first-divisor 1.200 is ambiguous too"
run "$votes" apportion --method sainte-lague --first-divisor 1.200 --seats 10
expect_status 1
expect_err_contains "--first-divisor: “1.200” can be read two ways"

case_ "--seats -5 says negative, not 'not a whole number'"
run "$votes" apportion --seats -5
expect_status 1
expect_err_contains "--seats: The value must not be negative: “-5”"

case_ "--seats 10^18 says too large, with the limit"
run "$votes" apportion --seats 1000000000000000000
expect_status 1
expect_err_contains "--seats: The number “1000000000000000000” is too large (at most 1 000 000 000 000)"

case_ "--seats 2.5 says not a whole number"
run "$votes" apportion --seats 2.5
expect_status 1
expect_err_contains "--seats: “2.5” is not a whole number"

case_ "--total past 10^13 kr names the limit"
run "$votes" apportion --total 10000000000001 --unit 1
expect_status 1
expect_err_contains "--total: The amount “10000000000001” is too large. The largest amount is 10,000,000,000,000 kr."

case_ "a bad --seats is reported before standard input is read"
yes | "$FORDELA" apportion --seats ten >"$work/out" 2>"$work/err"
status=${PIPESTATUS[1]}
err="$(cat "$work/err")"
expect_status 1
expect_err_contains "--seats: “ten” is not a number"

case_ "names that look like formulas are guarded in apportion's CSV"
run 'name,weight
=HYPERLINK("http://x.example"),1
+1+1,1
@SUM(1),1
-2,1
' apportion --seats 4
expect_status 0
expect_out_equals "name,allocation
\"'=HYPERLINK(\"\"http://x.example\"\")\",1
'+1+1,1
'@SUM(1),1
'-2,1"

case_ "1 000 000 recipients are accepted: the limit counts data rows, not the header"
awk 'BEGIN { print "name,weight"; for (i = 1; i <= 1000000; i++) print "R" i "," (i % 97) + 1 }' >"$work/million.csv"
run_file "$work/million.csv" apportion --seats 1000
expect_status 0
[[ "$(printf '%s\n' "$out" | wc -l)" == 1000001 ]] && pass || fail "expected 1 000 001 lines of output"

case_ "a bad weight on the last of a million lines is reported with its line"
sed '$ s/.*/Last,tio/' "$work/million.csv" >"$work/million-bad.csv"
run_file "$work/million-bad.csv" apportion --seats 1000
expect_status 1
expect_err_contains "line 1000001: “tio” is not a number"

case_ "1 000 001 recipients are refused, naming the limit"
printf 'R0,1\n' >>"$work/million.csv"
run_file "$work/million.csv" apportion --seats 1000
expect_status 1
expect_err_contains "line 1000002: more than 1 000 000 recipients"
rm -f "$work/million.csv" "$work/million-bad.csv"

case_ "Excel's Unicode text (UTF-16LE with a BOM, tab-separated) is read, saying so"
{ printf '\xff\xfe'; printf 'namn\tröster\nÖstra\t3\nVästra\t1\n' | iconv -f UTF-8 -t UTF-16LE; } >"$work/unicode.txt"
run_file "$work/unicode.txt" apportion --seats 4
expect_status 0
expect_out_equals "name,allocation
Östra,3
Västra,1"
expect_err_contains "read standard input as UTF-16LE"

case_ "UTF-16BE with a BOM is read too"
{ printf '\xfe\xff'; printf 'name,weight\nA,1\n' | iconv -f UTF-8 -t UTF-16BE; } >"$work/utf16be.csv"
run_file "$work/utf16be.csv" apportion --seats 2
expect_status 0
expect_out_equals "name,allocation
A,2"

case_ "a Windows-1252 scenario is read as the page reads it, saying so"
iconv -f UTF-8 -t WINDOWS-1252 "$EXAMPLES/stockholm-2021.json" >"$work/ansi.json"
run "" compute "$EXAMPLES/stockholm-2021.json"
utf8_out="$out"
run "" compute "$work/ansi.json"
expect_status 0
expect_out_equals "$utf8_out"
expect_err_contains "read $work/ansi.json as Windows-1252"

case_ "a UTF-8 scenario with a BOM is read as UTF-8, without a note"
{ printf '\xef\xbb\xbf'; cat "$EXAMPLES/stockholm-2021.json"; } >"$work/bom.json"
run "" compute "$work/bom.json"
expect_status 0
expect_out_equals "$utf8_out"
expect_err_empty

case_ "a file with NUL bytes is no text file"
printf 'name,weight\nA,1\0\n' >"$work/binary.csv"
run_file "$work/binary.csv" apportion --seats 1
expect_status 1
expect_err_contains "not a text file"

case_ "compute /dev/zero stops at the 64 MiB limit instead of reading forever"
run "" compute /dev/zero
expect_status 1
expect_json 'r.ok === false && r.findings[0].code === "document.too_large"'

case_ "an endless standard input to apportion stops at the limit"
yes | "$FORDELA" apportion --seats 1 >"$work/out" 2>"$work/err"
status=${PIPESTATUS[1]}
err="$(cat "$work/err")"
expect_status 1
expect_err_contains "larger than 67108864 bytes"

case_ "a key given twice is refused, naming it and where"
run '{"format": "fordela-scenario", "version": 1, "pot": {"total": 100, "total": 200}}' compute -
expect_status 1
expect_json 'r.findings[0].code === "json.duplicate_key" && r.findings[0].path === "/pot/total"'
expect_json 'r.findings[0].message.en.includes("“total” occurs twice in the same object (/pot)")'

case_ "half a character in a name names the field and what is wrong"
run '{"format": "fordela-scenario", "version": 1, "recipients": [{"name": "Norr"}, {"name": "S\udc00der"}]}' compute -
expect_status 1
expect_json 'r.findings[0].code === "json.string_invalid" && r.findings[0].path === "/recipients/1/name"'
expect_json 'r.findings[0].message.en.includes("lone surrogate")'

# ---- compute -----------------------------------------------------------

for example in "$EXAMPLES"/*.json; do
  name="$(basename "$example" .json)"

  case_ "compute $name (json): a result document"
  run "" compute "$example"
  json_status=$status
  expect_json 'r.format === "fordela-result" && Array.isArray(r.findings)'
  expect_json 'r.ok === ('"$json_status"' === 0)'
  if [[ "$json_status" == 0 || "$json_status" == 1 ]]; then pass; else fail "exit status $json_status"; fi
  json_out="$out"

  case_ "compute $name (csv): same exit status, CSV on stdout"
  run "" compute "$example" --format csv
  expect_status "$json_status"
  [[ -n "$out" ]] && pass || fail "no CSV"
  expect_out_lacks '"format"'

  case_ "compute - reads $name from stdin, same output"
  run_file "$example" compute -
  expect_status "$json_status"
  expect_out_equals "$json_out"
done

case_ "Stockholm 2021: 25.4 mnkr by the model plus 7 526 000 kr earmarked = 32 926 000 kr"
run "" compute "$EXAMPLES/stockholm-2021.json"
expect_status 0
expect_json 'r.ok === true && r.totals.total_ore === 3292600000'
expect_json 'r.totals.final_ore === 3292600000 && r.totals.earmarks_ore === 752600000'
expect_json 'r.recipients.length === 6'

case_ "Stockholm 2021 as CSV: the totals row holds 32926000 kr"
run "" compute "$EXAMPLES/stockholm-2021.json" --format csv
expect_status 0
expect_out_contains "32926000"
expect_out_contains "Rinkeby-Kista"

case_ "names and component names that look like formulas are guarded in compute's CSV"
sed 's/"Rinkeby-Kista"/"=HYPERLINK(\\"http:\/\/x.example\\")"/; s/"name": "Fördelningsmodell/"name": "+1+1 Fördelningsmodell/' \
  "$EXAMPLES/stockholm-2021.json" >"$work/formulas.json"
run "" compute "$work/formulas.json" --format csv
expect_status 0
expect_out_contains "\"'=HYPERLINK(\"\"http://x.example\"\")\""
expect_out_contains "'+1+1 Fördelningsmodell"
expect_out_lacks ",=HYPERLINK"

case_ "Linköping 2022: 4 850 000 of a 5 000 000 frame, a warning but exit 0"
run "" compute "$EXAMPLES/linkoping-2022.json"
expect_status 0
expect_json 'r.ok === true'
expect_json 'r.findings.some(f => f.code === "frame.not_fully_allocated" && f.severity === "warning")'
expect_json 'r.totals.not_allocated_ore === 15000000 || r.totals.formula_ore === 485000000'

case_ "Linköping 2022 as CSV: the warning goes to stderr"
run "" compute "$EXAMPLES/linkoping-2022.json" --format csv
expect_status 0
expect_err_contains "warning:"
expect_err_contains "frame.not_fully_allocated"

case_ "malformed JSON: exit 1 and a result with ok false and a finding"
run "{ not json" compute -
expect_status 1
expect_json 'r.ok === false && r.findings.length > 0 && r.findings[0].severity === "error"'

case_ "a scenario with an error, as CSV: exit 1 and the error on stderr"
run '{"format": "fordela-scenario", "version": 1, "recipients": [], "key": []}' compute - --format csv
expect_status 1
expect_err_contains "error:"

# ---- explain -----------------------------------------------------------

# The Swedish text writes numbers as "5 900 000 kr" with no-break spaces.
NB=$'\xc2\xa0'

case_ "explain Rinkeby-Kista: the weighted areas, the quota, the rank and the rounding, in Swedish"
run "" explain "$EXAMPLES/stockholm-2021-model.json" Rinkeby-Kista
expect_status 0
expect_out_contains "Så beräknades beloppet till Rinkeby-Kista"
expect_out_contains "Särskilt utsatta områden 2 × 3 = 6"
expect_out_contains "19${NB}050${NB}000${NB}kr × 6/22 ≈ 5${NB}195${NB}454,55${NB}kr"
expect_out_contains "Resten för Rinkeby-Kista var den största av 6"
expect_out_contains "+500,72${NB}kr"
expect_out_contains "Sammanlagt får Rinkeby-Kista 6${NB}954${NB}200${NB}kr"
expect_err_empty

case_ "explain a name with a right-to-left override: the name is isolated (FSI … PDI), the numbers keep their order"
RLO=$'\xe2\x80\xae'
FSI=$'\xe2\x81\xa8'
PDI=$'\xe2\x81\xa9'
run '{"format": "fordela-scenario", "version": 1, "pot": {"total": 3}, "recipients": [{"name": "Norr\u202e000 001"}, {"name": "Söder"}], "key": [{"name": "Lika", "share": 100, "basis": "equal"}]}' explain - "Norr${RLO}000 001"
expect_status 0
expect_out_contains "Så beräknades beloppet till ${FSI}Norr${RLO}000 001${PDI}"
expect_out_contains "Sammanlagt får ${FSI}Norr${RLO}000 001${PDI} 2${NB}kr"
# Every override in the text sits inside an isolate.
stripped="${out//"${FSI}Norr${RLO}000 001${PDI}"/}"
if [[ "$stripped" == *"$RLO"* ]]; then fail "an override outside FSI … PDI"; else pass; fi

case_ "explain --lang en writes English"
run "" explain "$EXAMPLES/stockholm-2021-model.json" Rinkeby-Kista --lang en
expect_status 0
expect_out_contains "How the amount for Rinkeby-Kista was computed"
expect_out_contains "Rounding changed the amount by +500.72 kr"
expect_out_lacks "Sammanlagt"

case_ "explain a cost item: posts × cost per post × months/12"
run "" explain "$EXAMPLES/linkoping-2022.json" "Områdesteam (Leanlink Råd och stöd)"
expect_status 0
expect_out_contains "2,5 årsarbetare × 700${NB}000${NB}kr × 12/12 månader = 1${NB}750${NB}000${NB}kr"
expect_err_contains "frame.not_fully_allocated"

case_ "explain reads the scenario from stdin with -"
run_file "$EXAMPLES/stockholm-2021-model.json" explain - Skärholmen
expect_status 0
expect_out_contains "Så beräknades beloppet till Skärholmen"

case_ "explain an unknown name: exit 1, naming the recipients there are"
run "" explain "$EXAMPLES/stockholm-2021-model.json" Farsta
expect_status 1
expect_out_equals ""
expect_err_contains "Farsta"
expect_err_contains "Rinkeby-Kista, Spånga-Tensta"
expect_err_contains "explain.unknown_recipient"

case_ "explain with two names: a recipient inside the level that splits the first one's amount"
run "" explain "$EXAMPLES/linkoping-2022-tree.json" "Social- och omsorgsnämnden" "Fältarbetare"
expect_status 0
expect_out_contains "Så beräknades beloppet till Fältarbetare (inom Social- och omsorgsnämnden)"
expect_out_contains "Potten är det som Social- och omsorgsnämnden får: "

case_ "explain below a recipient that is not split further: exit 1, saying so"
run "" explain "$EXAMPLES/linkoping-2022-tree.json" "Kommunstyrelsen" "Fältarbetare"
expect_status 1
expect_out_equals ""
expect_err_contains "explain.no_sub_level"
expect_err_contains "Kommunstyrelsen"

case_ "explain a scenario with errors: exit 1 and the error"
run '{"format": "fordela-scenario", "version": 1, "pot": {"total": 100}, "recipients": [{"name": "Norr"}], "key": [{"name": "A", "share": 60, "basis": "equal"}]}' explain - Norr
expect_status 1
expect_err_contains "key.shares_sum"

case_ "explain without a name is a usage error"
run "" explain "$EXAMPLES/stockholm-2021-model.json"
expect_status 2
expect_err_contains "explain takes a scenario file and a recipient's name"

case_ "explain --lang de is a usage error"
run "" explain "$EXAMPLES/stockholm-2021-model.json" Rinkeby-Kista --lang de
expect_status 2
expect_err_contains "--lang is sv or en"

case_ "explain of a missing file is a usage error"
run "" explain "$work/no-such-scenario.json" Norr
expect_status 2
expect_err_contains "no-such-scenario.json"

# ---- compare -----------------------------------------------------------

sed 's/"share": 75/"share": 60/; s/"share": 25/"share": 40/' "$EXAMPLES/stockholm-2021-model.json" >"$work/60-40.json"

case_ "compare 75/25 with 60/40: Rinkeby-Kista loses 600 000 kr, Hägersten-Älvsjö gains 1 000 000 kr"
run "" compare "$EXAMPLES/stockholm-2021-model.json" "$work/60-40.json"
expect_status 0
expect_json 'r.ok === true && r.recipients.length === 6'
expect_json 'r.recipients[0].name === "Rinkeby-Kista" && r.recipients[0].diff_ore === -60000000 && r.recipients[0].diff_percent === "-8.6"'
expect_json 'r.recipients.find(x => x.name === "Hägersten-Älvsjö").diff_ore === 100000000'
expect_json 'r.totals.diff_ore === 0 && r.findings_added.length === 0'

case_ "compare with a broken scenario: exit 1, the error among the added findings"
run "{ not json" compare "$EXAMPLES/stockholm-2021-model.json" -
expect_status 1
expect_json 'r.ok === false && r.b_ok === false && r.findings_added[0].code === "json.syntax"'

case_ "compare with one file is a usage error"
run "" compare "$EXAMPLES/stockholm-2021-model.json"
expect_status 2
expect_err_contains "compare takes two scenario files"

# ---- a large result, written as it is computed ------------------------------

# scripts/limit-scenario's 20 000 recipients: every kind of row (earmarks,
# redistribution, report back, a sub-scenario, names with quotes,
# backslashes, tabs and a right-to-left override). The hashes are those of
# the output before compute wrote its result straight to the output (and
# the CSV from the computation instead of from the result's JSON): the
# same bytes, whichever order the document's members come in.
"$SOURCE_DIR/scripts/limit-scenario" 20000 >"$work/large.json"
# The indicators after the recipients: read from the whole document.
awk 'NR == 3 { held = $0; next } /^"key":/ { print; print held; next } { print }' "$work/large.json" >"$work/large-reordered.json"
for file in large large-reordered; do
  case_ "compute of 20 000 recipients ($file): the same JSON, byte for byte"
  "$FORDELA" compute "$work/$file.json" >"$work/out" 2>"$work/err"
  status=$?
  out="$(sha256sum <"$work/out")" err="$(cat "$work/err")"
  expect_status 0
  expect_out_contains e43626f614459aa931381bca945eb0b0baa280e934a074db29645897278c6f5e

  case_ "compute --format csv of 20 000 recipients ($file): the same CSV and findings, byte for byte"
  "$FORDELA" compute --format csv "$work/$file.json" >"$work/out" 2>"$work/err"
  status=$?
  out="$(sha256sum <"$work/out") $(sha256sum <"$work/err")" err="$(head -c 600 "$work/err")"
  expect_status 0
  expect_out_contains "0c6d24bddcab5ae66031ef34ee0bf32d0f7093f5d6a5ceab60eb05867dd18362  - 6c11fcd142720b31e31ae1d6423e85dad338b37faf75d79795009fb0e401f85c  -"
done

case_ "compare of 20 000 recipients under two keys: the same JSON, byte for byte"
sed 's/"share":"60,5"/"share":"50,5"/; s/"share":10,/"share":20,/' "$work/large.json" >"$work/large-b.json"
"$FORDELA" compare "$work/large.json" "$work/large-b.json" >"$work/out" 2>"$work/err"
status=$?
out="$(sha256sum <"$work/out")" err="$(cat "$work/err")"
expect_status 0
expect_out_contains 78999d2b48190534a70e84e14d8a3158b1ff7f96c5b58f0029da19c796238d8b
rm -f "$work/large.json" "$work/large-reordered.json" "$work/large-b.json"

# ---- summary -----------------------------------------------------------

echo "${passed} passed, ${failed} failed"
((failed == 0))
