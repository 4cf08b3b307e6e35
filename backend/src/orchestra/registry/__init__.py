"""Agent registry: agents from A2A cards, capabilities from their skills, instance choice."""

from orchestra.registry.balancing import STRATEGIES, Strategy, choose_instance
from orchestra.registry.cards import CardInfo, fetch_card, normalize_card_url, read_card
from orchestra.registry.service import Capability, InstanceFigures, InstanceState, Registry

__all__ = [
    "STRATEGIES",
    "Capability",
    "CardInfo",
    "InstanceFigures",
    "InstanceState",
    "Registry",
    "Strategy",
    "choose_instance",
    "fetch_card",
    "normalize_card_url",
    "read_card",
]
