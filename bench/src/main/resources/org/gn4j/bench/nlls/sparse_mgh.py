"""SciPy peer of `gn4j bench nlls --suite sparse-mgh`: one scalable Moré-Garbow-Hillstrom function at one size.

Usage: python3 sparse_mgh.py FUNCTION N [default|gtol-off [XFILE]]
Runs scipy.optimize.least_squares(method='trf', jac_sparsity=S, tr_solver='lsmr') with SciPy's default tolerances
(or, with gtol-off, gtol=None: the gradient test off, ftol and xtol at their defaults) and its default '2-point'
finite differences grouped by the sparsity S, residuals vectorized with NumPy. Prints one line of JSON: seconds
(building S and the start point plus least_squares), nfev, njev, cost, status, message, and the process's peak
resident set (ru_maxrss, KiB). With XFILE, writes the final point there as little-endian float64 (after the timing).
"""
import json
import resource
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
from scipy.optimize import least_squares


def extended_rosenbrock(n):
    x0 = np.empty(n)
    x0[0::2] = -1.2
    x0[1::2] = 1.0

    def f(x):
        r = np.empty(n)
        r[0::2] = 10.0 * (x[1::2] - x[0::2] ** 2)
        r[1::2] = 1.0 - x[0::2]
        return r

    rows = np.concatenate([np.arange(0, n, 2), np.arange(0, n, 2), np.arange(1, n, 2)])
    cols = np.concatenate([np.arange(0, n, 2), np.arange(1, n, 2), np.arange(0, n, 2)])
    return f, x0, rows, cols


def banded_pattern(n, lower, upper):
    rows = []
    cols = []
    i = np.arange(n)
    for k in range(-lower, upper + 1):
        ok = (i + k >= 0) & (i + k < n)
        rows.append(i[ok])
        cols.append(i[ok] + k)
    return np.concatenate(rows), np.concatenate(cols)


def discrete_boundary_value(n):
    h = 1.0 / (n + 1)
    t = np.arange(1, n + 1) * h
    x0 = t * (t - 1)

    def f(x):
        xl = np.concatenate([[0.0], x[:-1]])
        xr = np.concatenate([x[1:], [0.0]])
        return 2 * x - xl - xr + h * h * (x + t + 1) ** 3 / 2

    rows, cols = banded_pattern(n, 1, 1)
    return f, x0, rows, cols


def broyden_tridiagonal(n):
    def f(x):
        xl = np.concatenate([[0.0], x[:-1]])
        xr = np.concatenate([x[1:], [0.0]])
        return (3 - 2 * x) * x - xl - 2 * xr + 1

    rows, cols = banded_pattern(n, 1, 1)
    return f, -np.ones(n), rows, cols


def broyden_banded(n):
    def f(x):
        q = x * (1 + x)
        r = x * (2 + 5 * x * x) + 1
        for k in range(1, 6):  # j = i - k
            r[k:] -= q[:-k]
        r[:-1] -= q[1:]  # j = i + 1
        return r

    rows, cols = banded_pattern(n, 5, 1)
    return f, -np.ones(n), rows, cols


FUNCTIONS = {
    "extended-rosenbrock": extended_rosenbrock,
    "discrete-boundary-value": discrete_boundary_value,
    "broyden-tridiagonal": broyden_tridiagonal,
    "broyden-banded": broyden_banded,
}


def main():
    name, n = sys.argv[1], int(sys.argv[2])
    mode = sys.argv[3] if len(sys.argv) > 3 else "default"
    if mode not in ("default", "gtol-off"):
        raise SystemExit("mode is '%s', expected default or gtol-off" % mode)
    options = {"gtol": None} if mode == "gtol-off" else {}
    t0 = time.perf_counter()
    f, x0, rows, cols = FUNCTIONS[name](n)
    sparsity = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    res = least_squares(f, x0, jac_sparsity=sparsity, method="trf", tr_solver="lsmr", **options)
    seconds = time.perf_counter() - t0
    if len(sys.argv) > 4:
        res.x.astype("<f8").tofile(sys.argv[4])
    print(json.dumps({
        "seconds": seconds, "nfev": int(res.nfev), "njev": int(res.njev if res.njev is not None else -1),
        "cost": float(res.cost), "status": int(res.status), "message": str(res.message),
        "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "versions": "Python %s, SciPy %s, NumPy %s" % (sys.version.split()[0], scipy.__version__, np.__version__),
    }))


if __name__ == "__main__":
    main()
