"""JupyterLab for the notebooks (`make lab`, which puts this folder on JUPYTER_CONFIG_PATH and
JUPYTER_PATH): the MyST notebooks of notebooks/ open as notebooks, and nothing is fetched from the
network."""

from pathlib import Path

c = get_config()  # noqa: F821 (traitlets defines it when it loads this file)

# Only the notebooks are shown, so every Markdown file JupyterLab opens as a notebook is one of them
# (the default viewer set in labconfig/ applies to all Markdown); the kernel starts in notebooks/,
# where the data package is found as in the book build (the nearest data/ above).
c.ServerApp.root_dir = str(Path(__file__).resolve().parents[2] / "notebooks")

# Offline: the extension manager lists what is installed and searches no package index; no news
# feed is read and no newer version is looked up.
c.LabApp.extension_manager = "readonly"
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.handlers.announcements.NeverCheckForUpdate"

# The project's machines and containers work as root (README); the server still listens on
# localhost only, behind its token.
c.ServerApp.allow_root = True
