#!/usr/bin/env bash
# Baseline / comparison benchmarks for gn4j shaded CLI jars.
#
#   run.sh LABEL=JAR [LABEL=JAR ...]      run every benchmark, jars interleaved per benchmark, then summarize
#   run.sh --summary LABEL [LABEL ...]    only re-print the summary from existing out/<label>/ files
#
# For each benchmark the jars run one after another (same sitting), one process at a time. Raw output goes to
# $OUT_DIR/<label>/<bench>.txt (header: command, date, load average; trailer: wall seconds); CSVs and other
# artifacts of a run go to $OUT_DIR/<label>/<bench>/.
#
# Environment knobs (defaults in brackets):
#   OUT_DIR    [<script dir>/out]
#   DATA_DIR   [../shared/datasets beside the repository]   holds mnist-10k/ (passed as --data-dir)
#   BENCHES    [nist pinn2d fbpinn1d sgnpaper step-train step-jmh]   subset / order of benchmarks
#   SGN_ONLY   [sgd,sgn,egn]   --only of bench sgn-paper. Families expand to every configuration of the protocol
#              (sgd: 5 learning rates, sgn: cg=2,3,5,10,adaptive, egn: 1) = 11 configs x 3 seeds x 25 s ~ 14 min.
#              For a ~4 min run use e.g. SGN_ONLY='sgd lr=1,sgn cg=5,egn'.
#   QUIET_MAX  [0.15]  before each run, wait until other processes use at most this many cores (3 s sample) ...
#   WAIT_MAX   [900]   ... but at most this many seconds; each raw file's trailer records foreign_cores during the run
#   JAVA       [java]        JAVA_OPTS [--add-modules jdk.incubator.vector]  (what the gn4j launcher passes)
set -uo pipefail

SCRIPT_DIR="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="${OUT_DIR:-$SCRIPT_DIR/out}"
DATA_DIR="${DATA_DIR:-$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/shared/datasets}"
BENCHES="${BENCHES:-nist pinn2d fbpinn1d sgnpaper step-train step-jmh}"
SGN_ONLY="${SGN_ONLY:-sgd,sgn,egn}"
QUIET_MAX="${QUIET_MAX:-0.15}"
WAIT_MAX="${WAIT_MAX:-900}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:---add-modules jdk.incubator.vector}"

usage() { sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }

# ---------------------------------------------------------------------------------------------------------------
# the benchmarks: bench_args NAME DIR  -> prints the CLI arguments (one per line) for artifacts folder DIR
bench_args() {
    local b="$1" d="$2"
    case "$b" in
        nist)       printf '%s\n' fit --nist-all --solvers lm,gn,dogleg --csv "$d/nist-lre.csv" ;;
        pinn2d)     printf '%s\n' pinn --problem poisson2d --optimizer lm --budget 120 --out "$d" --no-progress ;;
        fbpinn1d)   printf '%s\n' pinn --problem fbpinn1d --subdomains 30 --hidden 8,8 --optimizer lm --budget 60 \
                        --out "$d" --no-progress ;;
        sgnpaper)   printf '%s\n' bench sgn-paper --problems mnist-10k --only "$SGN_ONLY" --seeds 3 --budget-scale 0.25 \
                        --data-dir "$DATA_DIR" --out "$d" --no-progress ;;
        step-train) printf '%s\n' train --dataset mnist-10k --model mlp3x20 --optimizer sgn --batch 1000 \
                        --cg-iterations 5 --epochs 150 --seed 1 --data-dir "$DATA_DIR" --metrics "$d/metrics.csv" \
                        --no-progress ;;
        step-jmh)   printf '%s\n' jmh 'NetworkStepBenchmark|DirectionCostBenchmark' -p network=mlp784-20-20-20-10 \
                        -p batch=1000 -f 1 -wi 3 -i 5 -w 1s -r 1s -rf csv -rff "$d/jmh.csv" ;;
        *) echo "unknown benchmark '$b'" >&2; return 1 ;;
    esac
}

HZ=$(getconf CLK_TCK)
busy_jiffies() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }   # user nice system irq softirq
steal_jiffies() { awk '/^cpu /{print $9}' /proc/stat; }

# wait until nothing else uses more than QUIET_MAX cores (sampled over 3 s), at most WAIT_MAX seconds in all
wait_quiet() {
    local waited=0 b0 b1 use
    while :; do
        b0=$(busy_jiffies); sleep 3; b1=$(busy_jiffies)
        use=$(awk -v a="$b0" -v b="$b1" -v hz="$HZ" 'BEGIN{printf "%.2f", (b-a)/(3*hz)}')
        if awk -v u="$use" -v m="$QUIET_MAX" 'BEGIN{exit !(u <= m)}'; then
            [ "$waited" -gt 0 ] && echo "    machine quiet after ${waited} s of waiting" >&2
            return 0
        fi
        if [ "$waited" -ge "$WAIT_MAX" ]; then
            echo "    WARNING: still $use cores busy after waiting ${waited} s; running anyway" >&2
            return 0
        fi
        [ "$waited" -eq 0 ] && { echo "    other processes use $use cores; waiting (at most ${WAIT_MAX} s):" >&2;
            ps -eo pid,pcpu,args --sort=-pcpu | sed -n '2,4p' | cut -c1-150 | sed 's/^/      /' >&2; }
        sleep 12; waited=$((waited + 15))
    done
}

run_one() {  # run_one LABEL JAR BENCH
    local label="$1" jar="$2" b="$3"
    local dir="$OUT_DIR/$label" art="$OUT_DIR/$label/$b" txt="$OUT_DIR/$label/$b.txt"
    mkdir -p "$dir"
    rm -rf "$art" "$txt"
    mkdir -p "$art"
    local -a args
    mapfile -t args < <(bench_args "$b" "$art") || return 1
    # shellcheck disable=SC2206
    local -a cmd=("$JAVA" $JAVA_OPTS -jar "$jar" "${args[@]}")
    local t0 t1 rc
    {
        printf '# command:'; printf ' %q' "${cmd[@]}"; printf '\n'
        echo "# cwd: $art"
        echo "# start: $(date -u '+%Y-%m-%d %H:%M:%S UTC')  loadavg: $(cut -d' ' -f1-3 /proc/loadavg)"
    } >"$txt"
    echo ">>> [$label] $b  ($(date -u +%H:%M:%S))" >&2
    wait_quiet
    local b0 s0 b1 s1 own
    b0=$(busy_jiffies); s0=$(steal_jiffies)
    t0=$(date +%s.%N)
    (cd "$art" && "${cmd[@]}"; echo "#rc $?" >"$art/.rc"; times >"$art/.times") >>"$txt" 2>&1
    rc=$(sed -n 's/^#rc //p' "$art/.rc" 2>/dev/null)
    # CPU seconds (user sys) of the run's processes, from the subshell's children times
    own=$(sed -n 2p "$art/.times" 2>/dev/null | awk '{for(i=1;i<=2;i++){split($i,a,"m"); sub("s","",a[2]); printf "%.2f ", a[1]*60+a[2]}}')
    t1=$(date +%s.%N)
    b1=$(busy_jiffies); s1=$(steal_jiffies)
    local wall foreign steal
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
    # CPU time used on this machine by other processes during the run, as cores on average (2 = both cores)
    foreign=$(echo "$own" | awk -v a="$b0" -v b="$b1" -v hz="$HZ" -v w="$wall" '{f=(b-a)/hz-$1-$2; if(f<0)f=0; printf "%.2f", f/w}')
    steal=$(awk -v a="$s0" -v b="$s1" -v hz="$HZ" -v w="$wall" 'BEGIN{printf "%.2f", (b-a)/hz/w}')
    echo "# end: $(date -u '+%Y-%m-%d %H:%M:%S UTC')  exit: $rc  wall_s: $wall  own_cpu_s(user sys): $own  foreign_cores: $foreign  steal_cores: $steal  loadavg: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$txt"
    rm -f "$art/.rc" "$art/.times"
    echo "    exit $rc, ${wall} s, other processes used ${foreign} cores on average (steal ${steal})" >&2
}

# ---------------------------------------------------------------------------------------------------------------
summary() {  # summary LABEL...
    python3 - "$OUT_DIR" "$@" <<'PY'
import csv, os, re, sys, statistics as st

out, labels = sys.argv[1], sys.argv[2:]

def read(label, name):
    p = os.path.join(out, label, name)
    return open(p, encoding="utf-8", errors="replace").read() if os.path.exists(p) else None

def rows(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))

def wall(label, bench):
    t = read(label, bench + ".txt")
    m = re.search(r"exit: (\d*)\s+wall_s: ([\d.]+)", t or "")
    f = re.search(r"foreign_cores: ([\d.]+)", t or "")
    return (float(m.group(2)), int(m.group(1) or -1), float(f.group(1)) if f else None) if m else (None, None, None)

def fnum(x, f="%.3g"):
    return "-" if x is None else (f % x)

def table(title, header, body):
    print("\n## " + title)
    body = [list(r) + ["-"] * (len(header) - len(r)) for r in body]
    w = [max(len(str(r[i])) for r in [header] + body) for i in range(len(header))]
    line = lambda r: "  " + "  ".join(str(c).rjust(w[i]) if i else str(c).ljust(w[i]) for i, c in enumerate(r))
    print(line(header)); print("  " + "  ".join("-" * x for x in w))
    for r in body:
        print(line(r))

def first_below(hist, col, thr):
    for r in hist:
        try:
            if float(r[col]) <= thr:
                return float(r["seconds"])
        except (ValueError, KeyError):
            pass
    return None

def best(hist, col):
    v = [float(r[col]) for r in hist if r.get(col) not in (None, "", "NaN")]
    return min(v) if v else None

# ---- a. NIST
body = []
for L in labels:
    r = rows(os.path.join(out, L, "nist", "nist-lre.csv"))
    if not r:
        body.append([L, "-", "-", "-", "-", "no data"]); continue
    cells = []
    for s in ("lm", "gn", "dogleg"):
        rs = [x for x in r if x["solver"] == s]
        ok = sum(float(x["min_lre"]) >= 6 for x in rs)
        cells.append("%d/%d" % (ok, len(rs)))
    tot = sum(float(x["seconds"]) for x in r)
    miss = ["%s:%s/%s" % (x["solver"], x["problem"], x["start"]) for x in r if float(x["min_lre"]) < 6]
    body.append([L] + cells + ["%.2f" % tot, " ".join(miss)])
table("a. NIST StRD: runs with LRE >= 6 (of 54)", ["jar", "LM", "GN", "dogleg", "sum s", "runs below LRE 6"], body)

# ---- b. PINN poisson2d
body = []
for L in labels:
    t = read(L, "pinn2d.txt") or ""
    m = re.search(r"^\s+(\S.*?)\s+rel L2 (\S+)\s+max (\S+)\s+(\d+) it\s+([\d.]+) s\s+(\S+)", t, re.M)
    h = rows(os.path.join(out, L, "pinn2d", "poisson2d-lm-history.csv"))
    if not m:
        body.append([L] + ["-"] * 9); continue
    it, sec = int(m.group(4)), float(m.group(5))
    body.append([L, m.group(2), fnum(best(h, "relative_l2"), "%.3e"), fnum(first_below(h, "relative_l2", 1e-6), "%.1f"),
                 fnum(first_below(h, "relative_l2", 1e-7), "%.1f"), it, "%.1f" % sec, "%.1f" % (it / sec),
                 "%.1f" % (1000 * sec / it), m.group(6)])
table("b. PINN poisson2d, LM, 120 s budget", ["jar", "final relL2", "best relL2", "t(1e-6) s", "t(1e-7) s", "iters",
      "train s", "it/s", "ms/it", "status"], body)

# ---- c. FBPINN 1D
body = []
for L in labels:
    t = read(L, "fbpinn1d.txt") or ""
    m = re.search(r"^\|\s*(FBPINN[^|]*|[^|]*LM[^|]*)\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*([\d.]+)\s*\|\s*(\S+)\s*\|\s*(\S+)\s*\|\s*(\S+)\s*\|\s*(\S+)\s*\|\s*(\S+)\s*\|\s*(\S+)\s*\|", t, re.M)
    h = rows(os.path.join(out, L, "fbpinn1d", "lm.csv"))
    if not m:
        body.append([L] + ["-"] * 9); continue
    it, sec = int(m.group(3)), float(m.group(4))
    body.append([L, m.group(5), fnum(best(h, "relative_l2"), "%.3e"), fnum(first_below(h, "relative_l2", 1e-4), "%.1f"),
                 fnum(first_below(h, "relative_l2", 1e-5), "%.1f"), it, "%.1f" % sec, "%.1f" % (1000 * sec / it),
                 m.group(7), "%s / %s" % (m.group(8), m.group(9)), m.group(10)])
table("c. FBPINN 1D (30 subdomains, omega 15, subnets 1-8-8-1), LM, 60 s budget",
      ["jar", "final relL2", "best relL2", "t(1e-4) s", "t(1e-5) s", "iters", "train s", "ms/it", "solve s",
       "block/dense s (1st)", "status"], body)

# ---- d. SGN paper, mnist-10k
print("\n## d. bench sgn-paper mnist-10k, budget-scale 0.25 (budgets 6.25 s / 25 s); test accuracy per seed")
for L in labels:
    t = read(L, "sgnpaper.txt") or ""
    runs = re.findall(r"^\s+(\S.*?)\s+seed (\d+): (\S+)\s+(\d+) steps\s+(\d+) epochs\s+([\d.]+) s\s+train loss (\S+)\s+test acc ([\d.]+) %", t, re.M)
    grid = rows(os.path.join(out, L, "sgnpaper", "mnist-10k-epochs.csv"))
    if not runs:
        print("  %s: no data" % L); continue
    mb = re.search(r"budgets ([\d.]+) and ([\d.]+) s", t)
    tsmall = float(mb.group(1)) if mb else 6.25
    small = {}
    for r in grid:
        try:
            if float(r["seconds"]) <= tsmall:
                small[(r["config"], r["seed"])] = 100 * float(r["test_accuracy"])
        except ValueError:
            pass
    cfgs = []
    for r in runs:
        if r[0] not in cfgs:
            cfgs.append(r[0])
    body = []
    for c in cfgs:
        rs = [r for r in runs if r[0] == c]
        acc = [float(r[7]) for r in rs]
        a6 = [small.get((c, r[1])) for r in rs]
        steps = [int(r[3]) for r in rs]
        body.append([c, " ".join("%.2f" % a for a in acc), "%.2f" % st.mean(acc), "%.2f..%.2f" % (min(acc), max(acc)),
                     "%.2f" % (max(acc) - min(acc)),
                     " ".join("-" if a is None else "%.2f" % a for a in a6), "%d" % st.mean(steps)])
    tl = mb.group(2) if mb else "25"
    table("[%s] test acc %% at %s s per seed, mean, seed spread; acc at %g s; mean steps" % (L, tl, tsmall),
          ["config", "acc@%ss per seed" % tl, "mean", "min..max", "spread", "acc@%gs per seed" % tsmall, "steps"], body)
    fam = {}
    for r in runs:
        fam.setdefault(r[0].split()[0], []).append(float(r[7]))
    print("   per family, all its configs x seeds (acc@%s s): " % tl + "; ".join(
        "%s %.2f..%.2f" % (f, min(v), max(v)) for f, v in fam.items()))

# ---- e. per-step times
body = []
for L in labels:
    m = rows(os.path.join(out, L, "step-train", "metrics.csv"))
    t = read(L, "step-train.txt") or ""
    cg = re.findall(r"^\s+\d+\s+\d+\s+[\d.]+\s+\S+\s+\S+\s+[\d.]+ %\s+([\d.]+)", t, re.M)
    if len(m) > 10:
        a, b = m[9], m[-1]
        per = 1000 * (float(b["seconds"]) - float(a["seconds"])) / (int(b["step"]) - int(a["step"]))
        allper = 1000 * float(b["seconds"]) / int(b["step"])
        body.append([L, "%d" % int(b["step"]), "%.1f" % float(b["seconds"]), "%.2f" % per, "%.2f" % allper,
                     "%.2f%%" % (100 * float(b["test_accuracy"]))])
    else:
        body.append([L, "-", "-", "-", "-", "-"])
table("e1. gn4j train mnist-10k, SGN cg=5, batch 1000, 150 epochs (1200 steps), seed 1",
      ["jar", "steps", "train s", "ms/step (epochs 11-150)", "ms/step (all)", "final test acc"], body)
body = []
names = ["NetworkStepBenchmark.sgdStep", "NetworkStepBenchmark.ggnProduct", "DirectionCostBenchmark.gradient",
         "DirectionCostBenchmark.ggnProduct", "DirectionCostBenchmark.egnDirection"]
for L in labels:
    r = rows(os.path.join(out, L, "step-jmh", "jmh.csv"))
    d = {x["Benchmark"].rsplit(".", 2)[-2] + "." + x["Benchmark"].rsplit(".", 1)[-1]:
         "%.3f ± %.3f" % (float(x["Score"]), float(x["Score Error (99.9%)"] or "nan")) for x in r}
    body.append([L] + [d.get(n, "-") for n in names])
table("e2. JMH, MLP 784-20-20-20-10 sigmoid, batch 1000, ms/op (1 fork, 3x1s warm-up, 5x1s measure)",
      ["jar"] + [n.replace("Benchmark", "") for n in names], body)

# ---- wall times
benches = ["nist", "pinn2d", "fbpinn1d", "sgnpaper", "step-train", "step-jmh"]
body = []
for L in labels:
    ws = [wall(L, b) for b in benches]
    tot = sum(w for w, _, _ in ws if w)
    body.append([L] + [("-" if w is None else "%.0f" % w) + ("" if rc in (0, None) else " (rc %d)" % rc)
                       + ("" if f is None else " [%.2f]" % f) for w, rc, f in ws] + ["%.0f" % tot])
table("wall seconds per benchmark [cores used by other processes during it, average; > ~0.1 means contaminated]",
      ["jar"] + benches + ["total"], body)
PY
}

# ---------------------------------------------------------------------------------------------------------------
[ $# -ge 1 ] || usage
if [ "$1" = "--summary" ]; then
    shift; [ $# -ge 1 ] || usage
    summary "$@"; exit $?
fi

labels=(); jars=()
for a in "$@"; do
    case "$a" in
        -h|--help) usage ;;
        *=*) ;;
        *) echo "argument '$a' is not LABEL=JAR" >&2; exit 2 ;;
    esac
    l="${a%%=*}"; j="${a#*=}"
    [[ "$l" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "bad label '$l'" >&2; exit 2; }
    [ -f "$j" ] || { echo "no jar at '$j'" >&2; exit 2; }
    labels+=("$l"); jars+=("$(cd "$(dirname "$j")" && pwd)/$(basename "$j")")
done
[ -d "$DATA_DIR/mnist-10k" ] || echo "warning: $DATA_DIR/mnist-10k missing; sgnpaper/step-train will fail" >&2

T0=$(date +%s)
echo "run.sh: ${labels[*]}; benches: $BENCHES; out: $OUT_DIR; $(nproc) cores; loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for b in $BENCHES; do
    bench_args "$b" /x >/dev/null || exit 2
    for i in "${!labels[@]}"; do
        run_one "${labels[$i]}" "${jars[$i]}" "$b"
    done
done
T1=$(date +%s)
summary "${labels[@]}"
echo
echo "total wall time of run.sh: $((T1 - T0)) s ($(( (T1 - T0) / 60 )) min $(( (T1 - T0) % 60 )) s) for ${#labels[@]} jar(s)"
