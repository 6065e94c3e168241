"""Lighthouse (mobile) scores of the built site, as a reader's phone sees it.

    .venv/bin/python scripts/lighthouse.py [--site site] [--pages / /en/energy/ …]

Builds the site into a temporary folder (unless ``--site`` names a built
one), serves it on 127.0.0.1 with gzip as a host does (review.serving), and
runs Lighthouse's default mobile audit (emulated phone, throttled network
and CPU) on the home page and every section page of both languages, with
Debian's chromium (/usr/bin/chromium). Prints one line per page:
performance, accessibility, best practices, SEO, and what failed.

Lighthouse comes from npm, pinned (LIGHTHOUSE below), and is installed once
into .cache/lighthouse/ (git-ignored). Nothing is fetched from elsewhere:
the audit only loads pages from localhost. Not part of the tests: its scores
depend on the machine's load, so they are measured, not asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the project's packages, imported where they are used: --help needs none

LIGHTHOUSE = "lighthouse@13.5.0"
INSTALL = ROOT / ".cache" / "lighthouse"
CHROMIUM_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse() -> Path:
    """The pinned Lighthouse, installed on first use."""
    binary = INSTALL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        INSTALL.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(INSTALL), "--no-audit", "--no-fund", "--silent", LIGHTHOUSE], check=True)
    return binary


def default_pages() -> list[str]:
    """Home and every section page, in every language."""
    from review.languages import prefix
    from review.model import LANGUAGES
    from review.project import load_site

    site = load_site(ROOT / "data")
    paths = ["", *(f"{section.id}/" for section in site.sections)]
    return [f"/{prefix(lang)}{path}" for lang in LANGUAGES for path in paths]


def audit(binary: Path, url: str, chromium: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROMIUM_FLAGS}"],
            check=True,
            env={**os.environ, "CHROME_PATH": chromium},
        )
        return json.loads(report.read_text(encoding="utf-8"))


def summary(report: dict) -> tuple[dict[str, int], list[str]]:
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    failed = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1 and result["scoreDisplayMode"] in ("binary", "numeric", "metricSavings"):
                if name != "performance" or result["score"] < 0.9:
                    failed.append(f"{ref['id']} ({result['score']:.2f})")
    return scores, failed


def build(target: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(target)], cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to audit instead of building one")
    parser.add_argument("--pages", nargs="*", help="paths to audit (default: home and every section, both languages)")
    args = parser.parse_args(argv)
    from review.serving import serve

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    binary = lighthouse()
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = args.site or Path(scratch) / "site"
        if not args.site:
            build(site_dir)
        with serve(site_dir) as host:
            print(f"{'page':<22} perf a11y best  seo  below 100")
            for path in args.pages or default_pages():
                scores, failed = summary(audit(binary, host.rstrip("/") + path, chromium))
                row = " ".join(f"{scores[name]:>4}" for name in CATEGORIES)
                print(f"{path:<22} {row}  {', '.join(failed)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
