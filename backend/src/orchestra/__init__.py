"""Orchestra: plans tasks into step graphs and runs them on A2A agents, durably."""

__version__ = "0.1.0"
