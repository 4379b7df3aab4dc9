"""Reads the raw logs of run-bal.sh for one BAL file and prints the comparison table (Markdown)."""
import glob
import os
import re
import sys

out, name = sys.argv[1], sys.argv[2]


def ceres_run(path):
    text = open(path).read()
    m = re.search(r"final_cost_full (\S+)", text)
    if not m:
        return None
    final = float(m.group(1))
    total = float(re.search(r"^Total\s+(\S+)", text, re.M).group(1))
    iters = int(re.search(r"Minimizer iterations\s+(\d+)", text).group(1))
    # per-iteration log: iter cost cost_change |gradient| |step| tr_ratio tr_radius ls_iter iter_time total_time
    trace = []
    for line in text.splitlines():
        p = line.split()
        if len(p) == 10 and p[0].isdigit():
            trace.append((int(p[0]), float(p[1]), float(p[9])))
    return {"final": final, "seconds": total, "iterations": iters, "trace": trace}


def gn4j_run(path):
    text = open(path).read()
    m = re.search(r"^result .*final_cost=(\S+) iterations=(\d+) accepted=(\d+).* seconds=(\S+) reason=(\S+)", text, re.M)
    if not m:
        return None
    trace = [(int(a), float(b), float(c)) for a, b, c in
             re.findall(r"^iter (\d+) cost (\S+) accepted \S+ seconds (\S+)", text, re.M)]
    run = {"final": float(m.group(1)), "iterations": int(m.group(2)), "seconds": float(m.group(4)),
           "reason": m.group(5), "trace": trace}
    # with --warmup N the reported solve is the (N+1)-th in its JVM (warm); warm-up 1 is the JVM's first (cold)
    w = re.search(r"^warmup 1 final_cost=(\S+) iterations=(\d+) seconds=(\S+)", text, re.M)
    warmups = len(re.findall(r"^warmup \d+ final_cost=", text, re.M))
    if not w:
        return {"": run}
    cold_trace = [(int(a), float(b), float(c)) for a, b, c in
                  re.findall(r"^warmup 1 iter (\d+) cost (\S+) accepted \S+ seconds (\S+)", text, re.M)]
    cold = {"final": float(w.group(1)), "iterations": int(w.group(2)), "seconds": float(w.group(3)),
            "reason": "", "trace": cold_trace}
    return {" (cold: 1st solve in the JVM)": cold, f" (warm: solve {warmups + 1} in the JVM)": run}


def time_to(trace, target):
    for it, cost, sec in trace:
        if cost <= target:
            return it, sec
    return None, None


ceres = {}
for p in sorted(glob.glob(os.path.join(out, name + ".ceres.*.log"))):
    r = ceres_run(p)
    if r:
        ceres[p.split(".ceres.")[1][:-4]] = r
gn4j = {}
for p in sorted(glob.glob(os.path.join(out, name + ".gn4j.*.log"))):
    r = gn4j_run(p)
    if r:
        for suffix, run in r.items():
            gn4j[p.split(".gn4j.")[1][:-4] + suffix] = run

print(f"\n### {name}\n")
target = None
best = None
best_seconds = None
if ceres:
    # target: Ceres's lowest final cost x (1 + 1e-6); Ceres's best: the solver that reaches it first (its
    # per-iteration log gives the cumulative time of each iteration; its costs there have 7 digits, so a solver
    # whose log never shows the target is credited with its total time if its final cost reaches it)
    lowest = min(r["final"] for r in ceres.values())
    target = lowest * (1 + 1e-6)
    times = {}
    for k, r in ceres.items():
        it, sec = time_to(r["trace"], target)
        if sec is None and r["final"] <= target:
            it, sec = r["iterations"], r["seconds"]
        if sec is not None:
            times[k] = (it, sec)
    best = min(times, key=lambda k: times[k][1])
    best_seconds = times[best][1]
    print(f"target cost {target:.10e} (Ceres's lowest final cost x (1 + 1e-6)); Ceres's best solver: {best}, "
          f"{best_seconds:.3f} s to the target\n")
print("| run | final cost | iterations | total s | iterations to target | s to target | s to target / Ceres best |")
print("| --- | --- | --- | --- | --- | --- | --- |")
rows = [("ceres " + k, v) for k, v in ceres.items()] + [("gn4j " + k, v) for k, v in gn4j.items()]
for k, r in rows:
    it, sec = time_to(r["trace"], target) if target else (None, None)
    if k.startswith("ceres ") and sec is None and target and r["final"] <= target:
        it, sec = r["iterations"], r["seconds"]
    ratio = f"{sec / best_seconds:.2f}" if (sec is not None and best_seconds) else "-"
    print(f"| {k} | {r['final']:.10e} | {r['iterations']} | {r['seconds']:.3f} | {it if it is not None else '-'} | "
          f"{f'{sec:.3f}' if sec is not None else '-'} | {ratio} |")
