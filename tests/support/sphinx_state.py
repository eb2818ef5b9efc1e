"""Sphinx state that outlives one in-process build.

sphinx-build runs one application per process; the tests run many in one worker. Sphinx's
configuration defaults are objects of the `Config` class itself: `source_suffix`'s default is one
dict, and an application whose conf.py does not name `source_suffix` gets that very dict and writes
the suffixes its extensions register into it (`sphinx.registry.merge_source_suffix`). The next build
in the worker then starts with `.md` already mapped to the last build's parser ('markdown' from
myst_parser), so a build with myst-nb (which registers '.md' as 'myst-nb') stops with "Source
parser for markdown not registered". Docutils' directives, roles and nodes are kept apart by
`sphinx.util.docutils.docutils_namespace` and sphinx.testing's cleanup; these defaults by
nothing."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

MUTABLE = (dict, list, set)


def mutable_config_defaults() -> dict[str, object]:
    """Copies of the configuration defaults a build can change in place, by option name."""
    from sphinx.config import Config

    return {
        name: copy.deepcopy(option.default)
        for name, option in Config.config_values.items()
        if isinstance(option.default, MUTABLE)
    }


def changed_config_defaults(before: dict[str, object]) -> dict[str, tuple[object, object]]:
    """The defaults that differ from `before` ({name: (before, now)})."""
    now = mutable_config_defaults()
    return {
        name: (value, now.get(name)) for name, value in before.items() if now.get(name) != value
    }


@contextlib.contextmanager
def config_defaults_kept() -> Iterator[None]:
    """Whatever builds run inside, Sphinx's configuration defaults are as before afterwards: each
    changed one is put back in place (the same object, which Sphinx's `Config` class holds)."""
    from sphinx.config import Config

    before = mutable_config_defaults()
    try:
        yield
    finally:
        for name in changed_config_defaults(before):
            default = Config.config_values[name].default
            default.clear()
            if isinstance(default, list):
                default.extend(copy.deepcopy(before[name]))
            else:  # dict or set
                default.update(copy.deepcopy(before[name]))


def build_html(src: Path, out: Path, status: StringIO, warning: StringIO) -> None:
    """An HTML build of the project whose conf.py is in `src` into `out`, in this process and as
    sphinx-build runs one: its nodes, roles and directives are registered for it alone
    (docutils_namespace), so a later in-process build in the worker does not find them
    registered."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    with docutils_namespace():
        app = Sphinx(
            str(src),
            str(src),
            str(out / "html"),
            str(out / "doctrees"),
            "html",
            status=status,
            warning=warning,
            freshenv=True,
        )
        app.build()
