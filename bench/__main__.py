"""`python -m bench <name>|all [--size small|full] [--out DIR] [--keep] [--scale-tasks N]`."""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from bench.benchmarks import BENCHMARKS, SIZES
from bench.clients import run_loop
from bench.report import Result

DEFAULT_OUT = Path(__file__).resolve().parent / "results"


def run(name: str, size: str, out: Path, keep: bool = False) -> Result:
    """Run one benchmark in a fresh data directory; write and return its result."""
    work = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    started = time.monotonic()
    try:
        # The clients share one process: uvloop keeps their own overhead small.
        result = run_loop(BENCHMARKS[name](size, work))
    except Exception as exc:
        result = Result(name, size)
        result.errors.append(f"{type(exc).__name__}: {exc}")
    result.seconds = time.monotonic() - started
    if keep or result.errors:
        result.notes.append(f"logs kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    result.write(out)
    return result


def _stop_on_sigterm(signum: int, frame: object) -> None:
    # SystemExit unwinds through every `finally`: services stopped, databases dropped.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("name", choices=[*BENCHMARKS, "all"])
    parser.add_argument("--size", choices=("small", "full"), default="full")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="result directory"
    )
    parser.add_argument("--keep", action="store_true", help="keep the services' logs")
    parser.add_argument(
        "--scale-tasks",
        type=int,
        default=None,
        help="tasks run through the API before the memory reading of `scale` "
        "(default: 10,000 at full size)",
    )
    args = parser.parse_args(argv)
    if args.scale_tasks:
        SIZES[args.size]["scale_tasks"] = args.scale_tasks
    names = list(BENCHMARKS) if args.name == "all" else [args.name]
    failed = False
    for name in names:
        result = run(name, args.size, args.out, args.keep)
        sys.stdout.write(result.markdown() + "\n")
        sys.stdout.flush()
        failed = failed or bool(result.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
