"""The orchestrator's HTTP surface."""

from orchestra.api.app import create_app

__all__ = ["create_app"]
