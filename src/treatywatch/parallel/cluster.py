"""A Dask client: on a cluster of our own on this machine (a LocalCluster of worker
processes, one thread each: extraction is pure Python and holds the GIL), or on an
existing cluster given by its scheduler's address."""

from __future__ import annotations

import contextlib
import logging
from typing import Iterator

from treatywatch.errors import ConfigError

CONNECT_TIMEOUT = "20s"
WORKER_TIMEOUT = 60


@contextlib.contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator["Client"]:
    """`scheduler` ("tcp://host:8786") joins that cluster; else `workers` processes are
    started here (default: one per core) and stopped at the end."""
    from distributed import Client, LocalCluster

    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be 1 or more, not {workers}")
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler!r}: "
                              f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
            except TimeoutError:
                raise ConfigError(f"the Dask scheduler at {scheduler!r} has no workers "
                                  f"(waited {WORKER_TIMEOUT} s); start some with "
                                  f"`dask worker {scheduler} --nthreads 1`") from None
            yield client
        return
    # on 127.0.0.1 only; no dashboard, and the scheduler's small HTTP server (health,
    # metrics) on a free port rather than 8787, which another cluster may hold
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    with cluster, Client(cluster) as client:
        yield client


def worker_count(client) -> int:
    return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
