"""What the generator needs to know of mkdocs.yml (site address and name) and the build date.

mkdocs.yml is trusted (it is reviewed like code), but it may use MkDocs' `!ENV` tag so that a fork
can set its address without editing the file; that tag is resolved here the way MkDocs does it.
The build date comes from SOURCE_DATE_EPOCH when set (reproducible builds), else from the clock.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import yaml

from generator.errors import BuildError


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that also reads `!ENV NAME` and `!ENV [NAME, ..., default]` as MkDocs does."""


def _env(loader: _ConfigLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1] if len(values) > 1 else None
        if len(values) == 1:
            names = values
    for name in names:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


_ConfigLoader.add_constructor("!ENV", _env)


def config_loader() -> type[yaml.SafeLoader]:
    """The safe YAML loader for mkdocs.yml (with `!ENV`)."""
    return _ConfigLoader


@dataclass(frozen=True)
class SiteConfig:
    site_name: str
    site_url: str


def site_config(root: Path, config: str = "mkdocs.yml") -> SiteConfig:
    data = yaml.load((root / config).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    url = str(data.get("site_url") or "")
    return SiteConfig(str(data.get("site_name") or ""), url if url.endswith("/") or not url else url + "/")


def build_date() -> date:
    """SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else today's date in UTC."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return datetime.now(timezone.utc).date()
    if not re.fullmatch(r"[0-9]{1,12}", value, re.ASCII):
        raise BuildError(f"SOURCE_DATE_EPOCH moet een geheel aantal seconden sinds 1970 zijn, niet '{value[:40]}'")
    return datetime.fromtimestamp(int(value), timezone.utc).date()


def mkdocs_environment() -> dict[str, str]:
    """What mkdocs.yml reads from the environment for a build: the build date (`extra.bouwdatum`)."""
    return {"HSVMBO_BOUWDATUM": build_date().strftime("%d-%m-%Y")}
