"""Fuzzing of reading, extraction, the claim check and every API parameter; prints
inputs, crashes and clear errors per target.

    python bench/fuzz_inputs.py [--runs 100000] [--targets reading,extraction,claims,api]
                                [--engine atheris|hypothesis] [--out DIR]

The targets are those of tests/fuzz_targets.py. With atheris installed (coverage-guided,
libFuzzer), each target runs in its own process over the treatywatch modules
instrumented, starting from the seeds in tests/fuzz_corpus/<target>/; otherwise
hypothesis draws the bytes. `--runs` is the total, split over the targets by weight.
A crash (an exception other than a clear error, or a broken property) is counted, its
input kept under --out/crashes/<target>/, and fuzzing goes on.
"""

from __future__ import annotations

import argparse
import atexit
import collections
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
SEEDS = TESTS / "fuzz_corpus"
WEIGHTS = {"reading": 0.35, "extraction": 0.15, "claims": 0.15, "api": 0.35}
MAX_LEN = {"reading": 1024, "extraction": 240, "claims": 160, "api": 200}  # bytes of one input


class Tally:
    def __init__(self, target: str, out: Path):
        self.target, self.out = target, out
        self.counts: collections.Counter[str] = collections.Counter()
        self.kinds: dict[str, str] = {}
        self.started = time.monotonic()

    def run(self, check, data: bytes) -> None:
        try:
            self.counts[check(data)] += 1
        except Exception as exc:  # noqa: BLE001 - a crash is what we count
            self.counts["crash"] += 1
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            kind = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            folder = self.out / "crashes" / self.target
            folder.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(data).hexdigest()[:16]
            (folder / name).write_bytes(data)
            self.kinds.setdefault(kind, f"{name}: {str(exc)[:200]}")
        if sum(self.counts.values()) % 10 == 0:
            self.save()  # libFuzzer ends the process without running atexit

    def save(self) -> None:
        figures = {"target": self.target, "inputs": sum(self.counts.values()), **self.counts,
                   "crash_kinds": self.kinds, "seconds": round(time.monotonic() - self.started, 1)}
        (self.out / f"{self.target}.json").write_text(json.dumps(figures, indent=1))


def worker(target: str, runs: int, out: Path, engine: str) -> None:
    sys.path.insert(0, str(TESTS))
    tally = Tally(target, out)
    atexit.register(tally.save)
    if engine == "atheris":
        import atheris

        with atheris.instrument_imports(include=["treatywatch"]):
            import treatywatch.ingest  # noqa: F401
            import treatywatch.extract  # noqa: F401
            import treatywatch.serve.app  # noqa: F401
            import treatywatch.serve.claims  # noqa: F401
            import fuzz_targets
        check = fuzz_targets.CHECKS[target]
        if target in ("extraction", "claims"):
            fuzz_targets.extractor()
        if target == "api":
            fuzz_targets.client()
        corpus = Path(tempfile.mkdtemp(prefix=f"tw-corpus-{target}-"))
        if (SEEDS / target).is_dir():
            for seed in (SEEDS / target).iterdir():
                shutil.copy(seed, corpus / seed.name)
        atheris.Setup([sys.argv[0], f"-runs={runs}", f"-max_len={MAX_LEN[target]}", "-timeout=30",
                       "-len_control=0", "-print_final_stats=1", f"-artifact_prefix={out}/", str(corpus)],
                      lambda data: tally.run(check, data))
        atheris.Fuzz()
    else:
        from hypothesis import HealthCheck, given, settings, strategies as st

        import fuzz_targets

        check = fuzz_targets.CHECKS[target]

        @settings(max_examples=runs, database=None, deadline=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
        @given(st.binary(max_size=MAX_LEN[target]))
        def fuzz(data: bytes) -> None:
            tally.run(check, data)

        fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000, help="inputs in all")
    parser.add_argument("--targets", default=",".join(WEIGHTS))
    parser.add_argument("--engine", choices=("atheris", "hypothesis"), default=None)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "tw-fuzz")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    engine = args.engine
    if engine is None:
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    args.out.mkdir(parents=True, exist_ok=True)
    if args.worker:
        worker(args.worker, args.runs, args.out, engine)
        return

    targets = [t for t in args.targets.split(",") if t]
    weight = sum(WEIGHTS[t] for t in targets)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(TESTS)])}
    print(f"engine: {engine} · {args.runs} inputs over {', '.join(targets)} · out: {args.out}")
    totals: collections.Counter[str] = collections.Counter()
    workers = {}
    for target in targets:  # in parallel, one process each
        runs = max(1, round(args.runs * WEIGHTS[target] / weight))
        (args.out / f"{target}.json").unlink(missing_ok=True)
        log = open(args.out / f"{target}.log", "w")
        workers[target] = subprocess.Popen(
            [sys.executable, __file__, "--worker", target, "--runs", str(runs), "--out", str(args.out),
             "--engine", engine], env=env, stdout=log, stderr=subprocess.STDOUT)
    for target, process in workers.items():
        process.wait()
        try:
            figures = json.loads((args.out / f"{target}.json").read_text())
        except FileNotFoundError:
            tail = (args.out / f"{target}.log").read_text(errors="replace")[-3000:]
            print(f"{target:11} the worker died (exit {process.returncode}):\n{tail}")
            totals["worker died"] += 1
            continue
        totals.update({k: figures.get(k, 0) for k in ("inputs", "ok", "error", "crash")})
        print(f"{target:11} inputs={figures['inputs']:6} ok={figures.get('ok', 0):6} "
              f"clear errors={figures.get('error', 0):6} crashes={figures.get('crash', 0):4} "
              f"({figures['seconds']:.0f} s, {figures['inputs'] / max(figures['seconds'], 1e-9):.0f}/s)")
        for kind, example in figures["crash_kinds"].items():
            print(f"{'':11}   {kind}: {example}")
    print(f"{'all':11} inputs={totals['inputs']:6} ok={totals['ok']:6} "
          f"clear errors={totals['error']:6} crashes={totals['crash']:4}")
    if totals["crash"] or totals["worker died"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
