"""Runs scipy.optimize.least_squares on problems whose residuals and Jacobian the gn4j process evaluates.

Started by gn4j (org.gn4j.bench.nlls.ScipyBridge) with this file as its script; it talks over stdin/stdout in
big-endian binary messages (int = 4 bytes, double = 8 bytes, text = int length + UTF-8 bytes):

  driver -> gn4j  'H' text                     hello: the versions of Python, SciPy and NumPy
  gn4j -> driver  'P' n m method flags x0[n] [lower[n] upper[n]]
                                               solve: method is text ('lm' or 'trf'); flags bit 0: x_scale='jac',
                                               bit 1: bounds follow x0
  driver -> gn4j  'F' x[n]                     evaluate the residuals; gn4j answers f[m]
  driver -> gn4j  'J' x[n]                     evaluate the Jacobian; gn4j answers J[m*n], row-major
  driver -> gn4j  'D' status nfev njev cost optimality solve_s callback_s x[n] message
                                               result (njev is -1 when SciPy reports none; solve_s is the time of
                                               least_squares, callback_s the part of it spent waiting for gn4j)
  driver -> gn4j  'E' message                  least_squares raised; the message says why
  gn4j -> driver  'Q'                          quit

Tolerances are SciPy's defaults (ftol = xtol = gtol = 1e-8), max_nfev is SciPy's default.
The file is read with resource filtering on: it must not contain a dollar-brace or an at-sign.
"""
import struct
import sys
import time


def main():
    inp = sys.stdin.buffer
    out = sys.stdout.buffer

    def read_exact(k):
        data = inp.read(k)
        if data is None or len(data) != k:
            sys.exit(0)  # gn4j closed the pipe
        return data

    def read_int():
        return struct.unpack(">i", read_exact(4))[0]

    def read_doubles(k):
        return np.frombuffer(read_exact(8 * k), dtype=">f8").astype(np.float64)

    def write_text(s):
        b = s.encode("utf-8")
        out.write(struct.pack(">i", len(b)))
        out.write(b)

    try:
        import numpy as np
        import scipy
        from scipy.optimize import least_squares
    except Exception as e:  # reported by gn4j as "scipy solvers unavailable"
        sys.stderr.write("cannot import scipy: %s\n" % e)
        sys.stderr.flush()
        sys.exit(3)

    out.write(b"H")
    write_text("Python %s, SciPy %s, NumPy %s" % (sys.version.split()[0], scipy.__version__, np.__version__))
    out.flush()

    while True:
        tag = read_exact(1)
        if tag == b"Q":
            return
        if tag != b"P":
            sys.stderr.write("unexpected message %r\n" % tag)
            sys.exit(2)
        n = read_int()
        m = read_int()
        method = read_exact(read_int()).decode("utf-8")
        flags = read_int()
        x0 = read_doubles(n)
        bounds = (-np.inf, np.inf)
        if flags & 2:
            lower = read_doubles(n)
            upper = read_doubles(n)
            bounds = (lower, upper)
        waited = [0.0]

        def request(kind, x, count):
            t = time.perf_counter()
            out.write(kind)
            out.write(np.asarray(x, dtype=">f8").tobytes())
            out.flush()
            values = read_doubles(count)
            waited[0] += time.perf_counter() - t
            return values

        def fun(x):
            return request(b"F", x, m)

        def jac(x):
            return request(b"J", x, m * n).reshape(m, n)

        options = {}
        if flags & 1:
            options["x_scale"] = "jac"
        t0 = time.perf_counter()
        try:
            r = least_squares(fun, x0, jac=jac, bounds=bounds, method=method, **options)
        except Exception as e:
            out.write(b"E")
            write_text("%s: %s" % (type(e).__name__, e))
            out.flush()
            continue
        solve = time.perf_counter() - t0
        out.write(b"D")
        njev = -1 if r.njev is None else int(r.njev)
        out.write(struct.pack(">iii", int(r.status), int(r.nfev), njev))
        out.write(struct.pack(">dddd", float(r.cost), float(r.optimality), solve, waited[0]))
        out.write(np.asarray(r.x, dtype=">f8").tobytes())
        write_text(str(r.message))
        out.flush()


if __name__ == "__main__":
    main()
