"""Task callbacks: a finished task POSTed, signed, to the URL its submitter gave.

`signing` signs and verifies (receivers use it through `orchestra.client.verify_callback`),
`records` keeps each delivery beside its task, `delivery` makes one attempt. The durable
retries are a DBOS workflow in `orchestra.executor.callbacks`.
"""
