#!/usr/bin/env python3
"""Summarises and compares CSVs written by `gn4j bench nlls --csv`.

usage: nlls-diff.py A.csv [B.csv] [--ref scipy-lm]

One file: solved runs per solver and, for each solver, the median residual + Jacobian evaluations on the runs
both it and the reference solver (--ref, default scipy-lm) solve, with their ratio.
Two files: both summaries, then every run whose solved/failed verdict changed from A to B, per gn4j solver."""
import csv, sys, statistics
args=[]
ref='scipy-lm'
argv=sys.argv[1:]
while argv:
    a=argv.pop(0)
    if a=='--ref':
        ref=argv.pop(0)
    elif a.startswith('--'):
        sys.exit(f"unknown option {a}; usage: nlls-diff.py A.csv [B.csv] [--ref SOLVER]")
    else:
        args.append(a)
if not 1<=len(args)<=2:
    sys.exit("usage: nlls-diff.py A.csv [B.csv] [--ref SOLVER]")
def load(p):
    d={}
    for r in csv.DictReader(open(p)):
        d[(r['problem'],r['solver'])]=r
    return d
def summary(d,name):
    solvers=sorted({s for _,s in d})
    print(f"== {name}")
    for s in solvers:
        n=sum(1 for (p,t),r in d.items() if t==s and r['solved']=='yes'); tot=sum(1 for (p,t) in d if t==s)
        line=f"  {s:14s} {n:3d}/{tot}"
        if s!=ref and any(t==ref for _,t in d):
            both=[p for (p,t),r in d.items() if t==s and r['solved']=='yes' and d.get((p,ref),{}).get('solved')=='yes']
            if both:
                a=statistics.median(int(d[(p,s)]['evals']) for p in both); b=statistics.median(int(d[(p,ref)]['evals']) for p in both)
                line+=f"  both-with-{ref}={len(both)} median evals {a} vs {b} ratio {a/b:.3f}"
        print(line)
    return solvers
a=load(args[0]); sa=summary(a,args[0])
if len(args)>1:
    b=load(args[1]); sb=summary(b,args[1])
    for s in sa:
        if s not in sb or s.startswith('scipy'): continue
        for (p,t),r in a.items():
            if t!=s or (p,s) not in b: continue
            ra,rb=r['solved'],b[(p,s)]['solved']
            if ra!=rb:
                print(f"  {s:8s} {'GAIN' if rb=='yes' else 'LOSS'} {p:45s} {float(r['cost'] or 'nan'):12.5g} {r['status']:15s} -> {float(b[(p,s)]['cost'] or 'nan'):12.5g} {b[(p,s)]['status']}")
