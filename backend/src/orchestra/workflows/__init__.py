"""Workflows: saved, versioned plans with an input schema, run as tasks on the executor.

`definition` (what a workflow is), `templates` (Jinja2's sandbox for instructions and
conditions, dotted paths for mappings), `validation` (every problem of a definition or of a
run's inputs), `run` (what a task records of its workflow and the decisions the executor
takes from it before a step is sent), `service` (`Workflows`: save, version, read, run).
Nothing here is imported by this package's `__init__`, so the executor can use `run`
without importing the service and what it needs.
"""
