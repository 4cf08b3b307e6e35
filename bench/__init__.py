"""Benchmarks of the orchestrator: overhead, throughput, parallelism, scale and scale-out.

Run `python -m bench <name> [--size small|full] [--out DIR]` from the repository root (or
`bench/run`). Each benchmark starts its own services on free loopback ports, prints its
figures, and writes a JSON result and a Markdown table to the out directory.
"""
