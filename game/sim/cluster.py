"""Batches on a Dask distributed scheduler: `simulate --cluster ADDRESS` (or `local`).

Dask is an optional extra (`pip install two-augusts[cluster]`); it is imported only here and only
when a cluster is asked for, so the game runs without it. The scenario travels to the workers once
(scattered to all of them), each task plays one seed, and the results come back in seed order,
so a batch on a cluster is the same, byte for byte, as the same batch on local processes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from game.scenario.models import Scenario

LOCAL = "local"
CONNECT_TIMEOUT = "15s"
INSTALL_HINT = "pip install 'two-augusts[cluster]'"

GameResult = tuple[dict[str, Any], list[float], int]


class ClusterError(Exception):
    """A cluster that cannot be used; the message is one line for the user."""


def _dask() -> Any:
    try:
        import dask.distributed as dd
    except ImportError:
        message = f"--cluster needs Dask, which is not installed: {INSTALL_HINT}"
        raise ClusterError(message) from None
    return dd


@contextmanager
def client_for(address: str, workers: int | None = None) -> Iterator[Any]:
    """A Dask client on the scheduler at `address`, or on a LocalCluster of `workers` processes
    (default: one per core) for `local`; everything it started is closed on exit."""
    dd = _dask()
    if address == LOCAL:
        n = workers or os.cpu_count() or 1
        cluster = dd.LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        try:
            with dd.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = dd.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        yield client


def run_on_cluster(
    address: str,
    scenario: Scenario,
    play_seed: Callable[[Scenario, Any, int], GameResult],
    setup: Any,
    seeds: list[int],
    on_done: Callable[[], None] | None = None,
    workers: int | None = None,
) -> list[GameResult]:
    """Play one game per seed on the cluster; results in the order of `seeds`."""
    dd = _dask()
    with client_for(address, workers) as client:
        shared = client.scatter(scenario, broadcast=True)
        futures = client.map(
            play_seed, [shared] * len(seeds), [setup] * len(seeds), seeds, pure=False
        )
        for _ in dd.as_completed(futures):
            if on_done is not None:
                on_done()
        results: list[GameResult] = client.gather(futures)
    return results
