"""numpy float32 matmul (OpenBLAS) at n = 1024: the SGEMM peer of SgemmBenchmark; median and minimum of 30."""
import numpy as np, time
n = 1024
rng = np.random.default_rng(1)
a = rng.standard_normal((n, n)).astype(np.float32)
b = rng.standard_normal((n, n)).astype(np.float32)
c = np.empty((n, n), np.float32)
for _ in range(5):
    np.matmul(a, b, out=c)
ts = []
for _ in range(30):
    t = time.perf_counter(); np.matmul(a, b, out=c); ts.append(time.perf_counter() - t)
ts.sort()
print("numpy %s float32 matmul n=1024: median %.2f ms (%.1f GFLOP/s), min %.2f ms (%.1f GFLOP/s)" % (
    np.__version__, ts[len(ts)//2]*1e3, 2*n**3/ts[len(ts)//2]/1e9, ts[0]*1e3, 2*n**3/ts[0]/1e9))
