"""`make lab` as a reader uses it: JupyterLab started by the Makefile on a copy of the project, a
MyST notebook opened in Chromium, every cell run from the Run menu, the notebook saved; then what
the page showed and what the save wrote (the paired .ipynb beside the .md)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from support.project import ROOT, project_copy

# What `make lab` needs of the project: its targets, the environment's lock, the lab configuration
# (tools/lab), the notebooks and the data they read.
LAB_PARTS = (
    "Makefile",
    "pyproject.toml",
    "uv.lock",
    "ci",
    "tools",
    "notebooks",
    "data",
    "references.bib",
)
STARTUP_SECONDS = 120
RUN_SECONDS = 300


def lab_project(target: Path) -> Path:
    """A copy of the project for a lab session, sharing this checkout's locked .venv (a link: the
    copy's lock file keeps its time, so `make` sees the environment as up to date)."""
    project_copy(target, parts=LAB_PARTS)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    origin: str
    token: str
    process: subprocess.Popen
    log: Path

    def url(self, path: str) -> str:
        return f"{self.origin}/{path}?token={self.token}"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """SIGTERM to the process group `make lab` leads (make, the server, its kernels), as a
        terminal's Ctrl+C would reach them; the server shuts its kernels down and exits."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _wait_until_serving(server: LabServer) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            code = server.process.returncode
            raise RuntimeError(f"make lab exited ({code}):\n{server.log_text()}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(server.url("api/status"), timeout=5) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"JupyterLab did not answer in {STARTUP_SECONDS} s:\n{server.log_text()}")


@contextlib.contextmanager
def make_lab(project: Path, env: dict[str, str] | None = None):
    """`make lab` in `project` on a free port of 127.0.0.1, with a token of the test's and no
    browser of the server's; stopped (SIGTERM to its process group: make, the server and its
    kernels) on exit."""
    port, token = free_port(), os.urandom(12).hex()
    log = project / "lab.log"
    # the reader's own JupyterLab settings and saved workspaces stay out of it (and untouched)
    args = (
        f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token} "
        f"--LabApp.user_settings_dir={project / '.lab' / 'settings'} "
        f"--LabApp.workspaces_dir={project / '.lab' / 'workspaces'}"
    )
    with log.open("wb") as out:
        process = subprocess.Popen(
            # -o: the linked environment is taken as built (never synced from the copy)
            ["make", "--no-print-directory", "-o", ".venv/bin/python", "lab", f"LAB_ARGS={args}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, **(env or {})},
        )
    server = LabServer(f"http://127.0.0.1:{port}", token, process, log)
    try:
        _wait_until_serving(server)
        yield server
    finally:
        server.stop()


@dataclass
class LabRun:
    """What one notebook showed after Run All and what its save wrote."""

    code_cells: int = 0
    executed_cells: int = 0  # cells whose prompt shows an execution count
    figures: int = 0  # img/svg elements in output areas
    page_errors: list[str] = field(default_factory=list)  # error outputs shown in the notebook
    external: list[str] = field(default_factory=list)  # requests the page sent off this server
    saved: dict | None = None  # the paired .ipynb as written by the save

    def saved_errors(self) -> list[str]:
        return [
            f"{o.get('ename')}: {o.get('evalue')}"
            for cell in (self.saved or {}).get("cells", [])
            for o in cell.get("outputs", [])
            if o.get("output_type") == "error"
        ]

    def saved_figures(self) -> int:
        return sum(
            1
            for cell in (self.saved or {}).get("cells", [])
            for o in cell.get("outputs", [])
            if {"image/svg+xml", "image/png"} & set(o.get("data", {}))
        )

    def problems(self) -> list[str]:
        """Why this run is not a notebook that ran through and showed its figure (none if it
        is)."""
        found = [f"the page showed an error output: {e}" for e in self.page_errors]
        found += [f"the saved notebook holds an error output: {e}" for e in self.saved_errors()]
        if self.executed_cells != self.code_cells:
            found.append(f"{self.executed_cells} of {self.code_cells} code cells ran")
        if not self.figures:
            found.append("no figure (img or svg) in any output area")
        if self.saved is None:
            found.append("the save wrote no paired .ipynb")
        elif not self.saved_figures():
            found.append("the saved .ipynb has no figure output")
        found += [f"the page requested another host: {url}" for url in self.external]
        return found


# JupyterLab 4's DOM, in the notebook of the current tab (a hidden tab's stays in the page):
# a code cell and its prompt ("[3]:" once run, "[*]:" while queued or running); the kernel's status
# in the notebook's toolbar; an error output is shown as text of the stderr MIME type.
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
NOTEBOOK = f"{PANEL} .jp-Notebook"
CODE_CELL = f"{NOTEBOOK} .jp-CodeCell"
PROMPT = ".jp-InputArea-prompt"
FIGURE = f"{NOTEBOOK} .jp-OutputArea-output img, {NOTEBOOK} .jp-OutputArea-output svg"
BUSY = f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='busy']"
# The status bar's kernel item of a document: "<kernel> | <status>" ("No Kernel | Initializing",
# "Python 3 | Connecting", "Python 3 | Idle"), its status JupyterLab's own kernelDisplayStatus,
# which reads "idle" only once the kernel is connected and idle. The toolbar's execution indicator
# cannot tell: it reads "idle" from the moment the notebook shows, before any kernel exists.
KERNEL_ITEM = "#jp-main-statusbar .jp-StatusBar-TextItem[title='Change kernel for {name}']"
KERNEL_IDLE = re.compile(r"\| Idle$")
DIALOG = ".jp-Dialog"

RUN_ALL = "li.lm-Menu-item[data-command='runmenu:run-all']"
# the first cell is queued or has run, or JupyterLab asks the reader something instead
STARTED_OR_ASKED = """([prompt, dialog]) => document.querySelector(dialog) ? "asked"
  : [...document.querySelectorAll(prompt)].some(p => /[0-9*]/.test(p.textContent)) ? "started"
  : false"""


def _dialog_text(page) -> str:
    return " ".join(page.locator(DIALOG).first.inner_text().split())


def _wait_for_its_kernel(page, notebook: str) -> None:
    """Until the notebook's kernel is connected and idle. Run All before that finds no kernel and
    JupyterLab opens its "Select Kernel" dialog instead of running anything (which a loaded machine
    made likely: the kernel connects seconds after the notebook shows)."""
    item = page.locator(KERNEL_ITEM.format(name=Path(notebook).name))
    try:
        item.filter(has_text=KERNEL_IDLE).wait_for(timeout=STARTUP_SECONDS * 1000)
    except PlaywrightTimeout:
        shown = item.all_text_contents()
        raise AssertionError(
            f"the kernel of {notebook} was not idle in {STARTUP_SECONDS} s (status bar: {shown})"
        ) from None


def _run_all_from_menu(page, attempts: int = 5) -> None:
    """Run > Run All Cells, as a reader clicks it. Right after the page loads the command can still
    be disabled (the notebook is not yet the current document) and the menu shows it greyed; a
    reader would open the menu again, and so does this, until the first cell is queued. A dialog
    JupyterLab opens instead is a failure, named by its text."""
    for _ in range(attempts):
        if page.locator(DIALOG).count():
            raise AssertionError(f"JupyterLab shows a dialog: {_dialog_text(page)}")
        page.locator(f"{NOTEBOOK} .jp-Cell").first.click()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        item = page.locator(RUN_ALL)
        item.wait_for(state="visible", timeout=10_000)
        if "lm-mod-disabled" not in (item.get_attribute("class") or ""):
            item.click()
            try:
                outcome = page.wait_for_function(
                    STARTED_OR_ASKED, arg=[f"{CODE_CELL} {PROMPT}", DIALOG], timeout=30_000
                ).json_value()
            except PlaywrightTimeout:
                continue
            if outcome == "asked":
                raise AssertionError(
                    f"Run All opened a dialog instead of running: {_dialog_text(page)}"
                )
            return
        page.keyboard.press("Escape")
        time.sleep(2)  # the interval at which the menu is read again
    raise AssertionError(f"Run > Run All Cells started no cell in {attempts} attempts")


def run_all_cells(browser, server: LabServer, notebook: str, ipynb: Path) -> LabRun:
    """Open `notebook` (a path under the lab's root) as a notebook, run every cell from the Run
    menu, wait for the kernel, save with Ctrl+S and wait for the paired `ipynb` to be written."""
    run = LabRun()
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def route(r):
        if r.request.url.startswith(server.origin + "/"):
            r.continue_()
        else:
            run.external.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        # a workspace of its own: the notebook is the only one open, whatever ran before
        workspace = Path(notebook).stem
        page.goto(server.url(f"lab/workspaces/{workspace}/tree/{notebook}"), wait_until="load")
        page.wait_for_selector(CODE_CELL, timeout=STARTUP_SECONDS * 1000)
        _wait_for_its_kernel(page, notebook)
        _run_all_from_menu(page)
        # the kernel takes the cells one by one: done when it is not busy, no prompt shows "*" and
        # one at least shows a count (Run All stops at a failing cell, which gets its count)
        page.wait_for_function(
            """([prompt, busy]) => {
                 const prompts = [...document.querySelectorAll(prompt)].map(p => p.textContent);
                 return !document.querySelector(busy) && !prompts.some(p => p.includes('*'))
                   && prompts.some(p => /[0-9]/.test(p));
               }""",
            arg=[f"{CODE_CELL} {PROMPT}", BUSY],
            timeout=RUN_SECONDS * 1000,
            polling=500,
        )
        prompts = page.locator(f"{CODE_CELL} {PROMPT}").all_text_contents()
        run.code_cells = len(prompts)
        run.executed_cells = sum(1 for p in prompts if any(ch.isdigit() for ch in p))
        run.figures = page.locator(FIGURE).count()
        run.page_errors = [
            text.strip().splitlines()[-1] if text.strip() else "(empty)"
            for text in page.locator(
                f"{NOTEBOOK} .jp-OutputArea-child:has(.jp-RenderedText[data-mime-type="
                "'application/vnd.jupyter.stderr']) .jp-OutputArea-output"
            ).all_text_contents()
            if "Traceback" in text or "Error" in text
        ]
        before = ipynb.stat().st_mtime_ns if ipynb.exists() else None
        page.locator(NOTEBOOK).first.click()
        page.keyboard.press("Escape")
        page.keyboard.press("Control+s")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if ipynb.exists() and ipynb.stat().st_mtime_ns != before:
                break
            time.sleep(0.25)
        page.wait_for_selector(".jp-mod-dirty", state="detached", timeout=60_000)
        if ipynb.exists() and ipynb.stat().st_mtime_ns != before:
            run.saved = json.loads(ipynb.read_text(encoding="utf-8"))
    except Exception:
        # what the reader would have seen, beside the project copy's notebook
        page.screenshot(path=ipynb.with_suffix(".failed.png"))
        raise
    finally:
        context.close()
    return run
