"""The ingest on Dask distributed: many worker processes read and extract, one writer
stores (see run.py).

    dask_client(workers=None, scheduler=None) -> Client      a LocalCluster, or a cluster by address
    ingest_in_parallel(paths, store, client, BatchOptions(...)) -> IngestTally
"""

from treatywatch.parallel.cluster import dask_client
from treatywatch.parallel.run import WorkerError, ingest_in_parallel
from treatywatch.parallel.tally import IngestTally
from treatywatch.parallel.worker import BatchOptions

__all__ = ["BatchOptions", "IngestTally", "WorkerError", "dask_client", "ingest_in_parallel"]
