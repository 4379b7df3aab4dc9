#!/usr/bin/env bash
# Builds Ceres's own examples/bundle_adjuster.cc (the peer of `gn4j ba`) against Debian's libceres-dev.
# The example's source is taken, at the tag of the installed Ceres version, from a git clone of ceres-solver
# (CERES_GIT: a repository or bare git directory; default: the mirror path below). Skips cleanly (exit 0, a
# "skip:" line) when libceres-dev, gflags/glog or the source is absent. One line is added to the example: it also
# prints "final_cost_full <cost>" with 17 digits.
#   bench/ceres/build.sh            -> bench/ceres/build/bundle_adjuster
# Install the packages with: apt-get install -y libceres-dev libgflags-dev libgoogle-glog-dev
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/build"
CERES_GIT="${CERES_GIT:-/work/.mirror/ceres-solver+ceres-solver/repo}"

if ! dpkg -s libceres-dev >/dev/null 2>&1 || [ ! -f /usr/include/ceres/ceres.h ]; then
  echo "skip: libceres-dev is not installed (apt-get install -y libceres-dev libgflags-dev libgoogle-glog-dev)"
  exit 0
fi
for h in /usr/include/gflags/gflags.h /usr/include/glog/logging.h; do
  if [ ! -f "$h" ]; then
    echo "skip: $h is missing (apt-get install -y libgflags-dev libgoogle-glog-dev)"
    exit 0
  fi
done
if ! command -v g++ >/dev/null 2>&1; then
  echo "skip: g++ is not installed"
  exit 0
fi
version="$(dpkg-query -W -f='${Version}' libceres-dev | sed -E 's/^([0-9]+\.[0-9]+\.[0-9]+).*/\1/')"
if ! git --git-dir="$CERES_GIT/.git" rev-parse -q --verify "$version^{commit}" >/dev/null 2>&1 \
   && ! git --git-dir="$CERES_GIT" rev-parse -q --verify "$version^{commit}" >/dev/null 2>&1; then
  echo "skip: no ceres-solver git repository with tag $version at CERES_GIT=$CERES_GIT"
  exit 0
fi
gitdir="$CERES_GIT"
[ -d "$CERES_GIT/.git" ] && gitdir="$CERES_GIT/.git"
if [ -x "$out/bundle_adjuster" ] && [ "$(cat "$out/version" 2>/dev/null)" = "$version" ]; then
  echo "bundle_adjuster (Ceres $version) already built: $out/bundle_adjuster"
  exit 0
fi
mkdir -p "$out/src"
for f in bundle_adjuster.cc bal_problem.cc bal_problem.h snavely_reprojection_error.h random.h; do
  git --git-dir="$gitdir" show "$version:examples/$f" > "$out/src/$f"
done
# one addition to the example: the final cost in full precision (its report prints 7 digits), for the 1e-6 comparison
sed -i 's|std::cout << summary.FullReport() << "\\n";|std::cout << summary.FullReport() << "\\n"; std::printf("final_cost_full %.17e\\n", summary.final_cost);|' \
  "$out/src/bundle_adjuster.cc"
grep -q final_cost_full "$out/src/bundle_adjuster.cc" || { echo "build.sh: could not add the full-precision cost line" >&2; exit 1; }
eigen="$(pkg-config --cflags eigen3 2>/dev/null || echo -I/usr/include/eigen3)"
echo "building bundle_adjuster from ceres-solver $version ($(git --git-dir="$gitdir" rev-parse "$version^{commit}"))"
g++ -std=c++17 -O3 -DNDEBUG $eigen -I"$out/src" \
  "$out/src/bundle_adjuster.cc" "$out/src/bal_problem.cc" \
  -o "$out/bundle_adjuster" -lceres -lgflags -lglog -lpthread
echo "$version" > "$out/version"
echo "built $out/bundle_adjuster"
