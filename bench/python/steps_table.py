"""One table from the output of bench/mixed-precision.sh (read on stdin): per network, the SGD step and the
GGN-vector product of gn4j in float32 and float64 (JMH NetworkStepBenchmark, mean ms/op) beside the peers' medians
(torch_steps.py's lines for PyTorch, LibTorchSteps's for LibTorch through DJL), as a Markdown table.

    bench/python/steps_table.py < docs/results/.../mixed-precision.txt
A peer whose section is missing or skipped gets "–".
"""
import re
import sys

NAMES = {
    "mlp784-1024-1024-10": "MLP 784-1024-1024-10 tanh",
    "lenet-fashion": "LeNet (Fashion-MNIST)",
    "cnn-cifar10": "CIFAR CNN 32-64-64",
}
PEER_LINE = re.compile(r"^(\S+)\s+sgdStep median\s+([\d.]+) ms .*ggnProduct median\s+([\d.]+) ms")
JMH_LINE = re.compile(r"^NetworkStepBenchmark\.(sgdStep|ggnProduct)\s+\d+\s+(\S+)\s+(f32|f64)\s+avgt\s+(?:\d+\s+)?([\d.]+)\s")


def main():
    gn4j = {}
    peers = {"torch": {}, "djl": {}}
    section = None
    for line in sys.stdin:
        if line.startswith("== PyTorch"):
            section = "torch"
        elif line.startswith("== LibTorch"):
            section = "djl"
        elif line.startswith("=="):
            section = None
        m = JMH_LINE.match(line)
        if m:
            gn4j[(m.group(2), m.group(1), m.group(3))] = float(m.group(4))
            continue
        m = PEER_LINE.match(line)
        if m and section:
            peers[section][(m.group(1), "sgdStep")] = float(m.group(2))
            peers[section][(m.group(1), "ggnProduct")] = float(m.group(3))

    def cell(table, key):
        return f"{table[key]:.1f}" if key in table else "–"

    print("| network (batch 1000) | op | gn4j f32 | gn4j f64 | PyTorch 1.13 f32 | LibTorch 2.7.1 f32 (DJL) "
          "| gn4j f32 / faster peer |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for net, label in NAMES.items():
        for op, op_label in (("sgdStep", "SGD step"), ("ggnProduct", "GGN product")):
            peer = [t[(net, op)] for t in peers.values() if (net, op) in t]
            f32 = gn4j.get((net, op, "f32"))
            ratio = f"{f32 / min(peer):.2f}" if peer and f32 is not None else "–"
            print(f"| {label} | {op_label} | {cell(gn4j, (net, op, 'f32'))} | {cell(gn4j, (net, op, 'f64'))} "
                  f"| {cell(peers['torch'], (net, op))} | {cell(peers['djl'], (net, op))} | {ratio} |")


if __name__ == "__main__":
    main()
