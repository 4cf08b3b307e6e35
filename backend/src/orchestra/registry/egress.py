"""Which URLs the orchestrator may call: agents and callbacks must not reach internal services.

An agent card URL, and every endpoint a card declares, must resolve only to allowed
addresses. Cloud metadata and link-local addresses are always refused; loopback is allowed
while the orchestrator itself listens on loopback (one machine, as with `orchestra up`);
anything else must be in AGENT_ALLOWED_HOSTS (CALLBACK_ALLOWED_HOSTS for task callbacks):
host names, addresses or networks.
Redirects are never followed, so a redirect cannot lead elsewhere.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from urllib.parse import urlsplit

from orchestra.errors import EgressRefused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALWAYS_REFUSED = [
    ipaddress.ip_network("169.254.0.0/16"),  # link-local, cloud metadata (169.254.169.254)
    ipaddress.ip_network("fe80::/10"),
    ipaddress.ip_network("fd00:ec2::254/128"),  # AWS metadata over IPv6
    ipaddress.ip_network("0.0.0.0/8"),
    ipaddress.ip_network("::/128"),
    ipaddress.ip_network("224.0.0.0/4"),
    ipaddress.ip_network("ff00::/8"),
]


class Egress:
    def __init__(
        self, allowed: Sequence[str], allow_loopback: bool, setting: str = "AGENT_ALLOWED_HOSTS"
    ) -> None:
        self.hosts = {a.lower() for a in allowed if not _network(a)}
        self.networks = [n for n in (_network(a) for a in allowed) if n is not None]
        self.allow_loopback = allow_loopback
        self.setting = setting  # the allow-list's name, for the refusals to name it

    async def check(self, url: str) -> None:
        """Raise EgressRefused unless every address `url`'s host resolves to is allowed."""
        host = (urlsplit(url).hostname or "").lower()
        if not host:
            raise EgressRefused(f"{url} has no host.")
        addresses = await _resolve(host)
        if not addresses:
            raise EgressRefused(f"The host of {url} does not resolve.")
        for address in addresses:
            reason = self._refusal(host, address)
            if reason:
                raise EgressRefused(
                    f"Orchestra may not call {url}: {reason}.", address=str(address)
                )

    def _refusal(self, host: str, address: IPAddress) -> str | None:
        if any(address in net for net in ALWAYS_REFUSED):
            return f"{address} is a link-local, metadata or unspecified address"
        if address.is_loopback:
            if self.allow_loopback or host in self.hosts or self._listed(address):
                return None
            return (
                f"{address} is loopback, allowed only while Orchestra itself listens on "
                f"loopback (or when listed in {self.setting})"
            )
        if host in self.hosts or self._listed(address):
            return None
        return f"{host} ({address}) is not in {self.setting}"

    def _listed(self, address: IPAddress) -> bool:
        return any(address.version == n.version and address in n for n in self.networks)


def _network(value: str) -> IPNetwork | None:
    try:
        return ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        return None


async def _resolve(host: str) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return []
    return list({ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos})
