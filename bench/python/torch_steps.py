"""PyTorch CPU reference for NetworkStepBenchmark: SGD step and GGN-vector product at mini-batch 1000, float64
(default) or float32 (--float32).

Run with Debian's python3-torch (1.13) and OpenBLAS, 2 threads:
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 bench/python/torch_steps.py [network ...] [--reps N] [--float32]
Prints one line per network: median and minimum milliseconds of each operation over N repetitions.
"""
import sys
import time

import torch
import torch.nn as nn
from functorch import jvp, vjp, make_functional

torch.set_default_dtype(torch.float32 if "--float32" in sys.argv else torch.float64)
torch.set_num_threads(2)


def mlp(sizes, act):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    return nn.Sequential(*layers)


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def cifar():
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(1024, 64), nn.ReLU(), nn.Linear(64, 10))


NETS = {
    "mlp784-20-20-20-10": (lambda: mlp([784, 20, 20, 20, 10], nn.Sigmoid), (784,)),
    "mlp784-1024-1024-10": (lambda: mlp([784, 1024, 1024, 10], nn.Tanh), (784,)),
    "lenet-fashion": (lenet, (1, 28, 28)),
    "cnn-cifar10": (cifar, (3, 32, 32)),
}


def bench(name, reps, batch=1000):
    build, shape = NETS[name]
    torch.manual_seed(1)
    model = build()
    x = torch.rand((batch,) + shape)
    y = torch.randint(0, 10, (batch,))
    opt = torch.optim.SGD(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def sgd_step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    fmodel, params = make_functional(model)
    v = tuple(torch.randn_like(p) for p in params)

    def ggn_product():
        # (1/b) Jᵀ Q J v with Q the softmax cross-entropy Hessian per sample: diag(p) − ppᵀ
        out, jv = jvp(lambda *ps: fmodel(ps, x), tuple(params), v)
        p = torch.softmax(out.detach(), dim=1)
        qjv = p * jv - p * (p * jv).sum(dim=1, keepdim=True)
        _, pull = vjp(lambda *ps: fmodel(ps, x), *params)
        return pull(qjv / batch)

    results = []
    for op in (sgd_step, ggn_product):
        for _ in range(2):
            op()
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            op()
            times.append((time.perf_counter() - t0) * 1e3)
        times.sort()
        results.append((times[len(times) // 2], times[0]))
    print(f"{name:22s} sgdStep median {results[0][0]:8.1f} ms (min {results[0][1]:8.1f})   "
          f"ggnProduct median {results[1][0]:8.1f} ms (min {results[1][1]:8.1f})", flush=True)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--float32"]
    reps = 10
    if "--reps" in args:
        i = args.index("--reps")
        reps = int(args[i + 1])
        del args[i:i + 2]
    for name in args or list(NETS):
        bench(name, reps)
