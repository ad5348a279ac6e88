"""Who acts on which database: the context every service call receives."""

from __future__ import annotations

from dataclasses import dataclass, field

from fireoffice.db.session import Database


@dataclass(frozen=True)
class Actor:
    username: str = "system"
    display_name: str = "系统"
    role: str = "本机"  # permissions.OWNER_ROLE: no accounts yet, so no one to tell apart


@dataclass
class ServiceContext:
    db: Database
    actor: Actor = field(default_factory=Actor)
