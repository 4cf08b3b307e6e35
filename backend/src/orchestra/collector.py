"""Python's garbage collector, set for a long-running server once it has started.

The objects made while starting (modules, schemas, tables, clients) live as long as the
process, yet every full collection walked all of them again: under load a full collection
took several hundred milliseconds, every request waited meanwhile, and collections took about
a quarter of the orchestrator's CPU. Once started, those objects are moved out of the
collector's sight (`gc.freeze`), and the youngest generation is collected after 20,000
allocations instead of 700, so that the short-lived objects of a request or a step mostly die
before a collection has to look at them.
"""

from __future__ import annotations

import gc

# Allocations (minus deallocations) between two collections of the youngest generation, and
# collections of one generation between two of the next.
THRESHOLDS = (20_000, 20, 20)


def settle() -> None:
    """Call once the service has started: freeze what exists, collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
