"""Which addresses agent URLs may resolve to."""

from __future__ import annotations

import pytest

from orchestra.errors import EgressRefused
from orchestra.registry.egress import Egress


async def test_metadata_and_link_local_are_always_refused() -> None:
    egress = Egress(["0.0.0.0/0", "169.254.169.254"], allow_loopback=True)
    for url in ("http://169.254.169.254/", "http://[fe80::1]/", "http://0.0.0.0:80/"):
        with pytest.raises(EgressRefused):
            await egress.check(url)


async def test_loopback_follows_where_orchestra_listens() -> None:
    await Egress([], allow_loopback=True).check("http://127.0.0.1:8001")
    await Egress([], allow_loopback=True).check("http://localhost:8001")
    with pytest.raises(EgressRefused, match="loopback"):
        await Egress([], allow_loopback=False).check("http://127.0.0.1:8001")


async def test_other_hosts_need_the_allow_list() -> None:
    with pytest.raises(EgressRefused, match="AGENT_ALLOWED_HOSTS"):
        await Egress([], allow_loopback=True).check("http://10.1.2.3:8001")
    await Egress(["10.0.0.0/8"], allow_loopback=False).check("http://10.1.2.3:8001")
    await Egress(["localhost"], allow_loopback=False).check("http://localhost:8001")
    with pytest.raises(EgressRefused, match="does not resolve"):
        await Egress(["*"], allow_loopback=True).check("http://no-such-host.invalid/")
