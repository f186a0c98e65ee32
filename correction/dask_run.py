"""Correcting on a Dask cluster (``--dask tcp://SCHEDULER:8786`` or ``--dask local``).

An archive is read as a ``dask.dataframe`` (its Parquet row groups, split further so every worker
has work) and each partition corrected by :func:`correction.archive.correct_partition`; a folder's
texts are sent in chunks to :func:`correction.parallel.correct_texts`. A worker builds its corrector
once, from the cache (:class:`~correction.parallel.EngineSpec`), whatever the number of tasks it runs.
Workers must see the lexicon files at the same paths; their cache folder is the one given here.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Sequence

from .archive import EDITS_COLUMN, correct_partition, require
from .edits import Edit
from .errors import UsageError
from .parallel import EngineSpec, correct_texts

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client

# Worker processes for `--dask local`; the tests use threads (one process) to start faster.
LOCAL_PROCESSES = True
# Partitions (or chunks of texts) per worker: enough to keep every worker busy to the end.
TASKS_PER_WORKER = 4


@contextmanager
def dask_client(address: str, workers: int) -> Iterator["Client"]:
    """A client of the scheduler at ``address``, or of a new LocalCluster of ``workers`` single-threaded
    workers for ``local``; the dashboard's address goes to stderr."""
    require("distributed", "--dask")
    require("pyarrow", "--dask")
    from distributed import Client, LocalCluster

    if address == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=LOCAL_PROCESSES,
                          dashboard_address=":0") as cluster, Client(cluster) as client:
            print(f"dask: LocalCluster of {workers} worker(s); dashboard {client.dashboard_link}", file=sys.stderr)
            yield client
        return
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise UsageError("--dask", f"cannot reach the scheduler at {address}: {error}") from None
    with client:
        print(f"dask: scheduler {address}; dashboard {client.dashboard_link}", file=sys.stderr)
        yield client


def workers_of(client: "Client") -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def correct_archive(client: "Client", path: str, spec: EngineSpec) -> "pd.DataFrame":
    """The archive at ``path`` corrected on the cluster, rows in their order, edits in EDITS_COLUMN."""
    import dask
    import dask.dataframe as dd
    import pandas as pd

    # plain Python strings, as the serial path reads them: the same table comes out
    with dask.config.set({"dataframe.convert-string": False}):
        frame = dd.read_parquet(path)
        frame = frame.repartition(npartitions=max(frame.npartitions, workers_of(client) * TASKS_PER_WORKER))
        meta = frame._meta.assign(**{EDITS_COLUMN: pd.Series([], dtype=object)})
        corrected = frame.map_partitions(correct_partition, spec, path, meta=meta)
        return client.compute(corrected).result()


def correct_texts_on(client: "Client", spec: EngineSpec, texts: Sequence[str]) -> list[tuple[Edit, ...]]:
    """The edits of each text, in order, computed on the cluster in chunks."""
    if not texts:
        return []
    chunks = min(len(texts), workers_of(client) * TASKS_PER_WORKER)
    size = -(-len(texts) // chunks)
    parts = [list(texts[start : start + size]) for start in range(0, len(texts), size)]
    futures = client.map(correct_texts, [spec] * len(parts), parts, pure=False)
    return [edits for part in client.gather(futures) for edits in part]
