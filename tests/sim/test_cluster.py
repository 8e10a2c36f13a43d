"""`simulate --cluster`: a batch on a Dask cluster equals one on local processes, byte for byte."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLE, ROOT


def simulate(*args: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    code = f"{prelude}\nimport sys\nfrom game.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "simulate", str(EXAMPLE), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_local_cluster_gives_the_same_bytes_as_local_workers() -> None:
    common = ("--runs", "4", "--seed", "7", "--json")
    on_cluster = simulate(*common, "--cluster", "local", "--workers", "1")
    on_processes = simulate(*common, "--workers", "2")
    assert on_cluster.returncode == 0, on_cluster.stderr
    assert on_processes.returncode == 0, on_processes.stderr
    assert on_cluster.stdout == on_processes.stdout
    assert '"seed": 7' in on_cluster.stdout


def test_without_dask_the_cluster_option_says_how_to_install_it() -> None:
    hide_dask = "import sys\nsys.modules['dask'] = None\nsys.modules['dask.distributed'] = None"
    done = simulate("--cluster", "local", prelude=hide_dask)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "two-augusts[cluster]" in done.stderr
    assert "Traceback" not in done.stderr
