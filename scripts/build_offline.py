#!/usr/bin/env python3
"""Build an offline copy of the site and pack it in a zip archive.

The copy opens from the file system: unzip it and open
can-tho-20/index.html (Vietnamese) or can-tho-20/en/index.html (English) in
a browser, with no server and no network, search included (the pages of a
build with file links run the search worker in a frame: see
content/assets/javascripts/file-worker.js).

    .venv/bin/python scripts/build_offline.py [--output dist/can-tho-20-offline.zip]

The archive is the same, byte for byte, for the same commit on any day: its
dates come from SOURCE_DATE_EPOCH, or from the build's fixed default.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from review import buildtime, offline  # noqa: E402
from review.messages import _, add_language_option, choose_language, ngettext  # noqa: E402

FOLDER = "can-tho-20"
DEFAULT_OUTPUT = ROOT / "dist" / "can-tho-20-offline.zip"


def main(argv: list[str] | None = None) -> int:
    choose_language(argv)
    parser = argparse.ArgumentParser(description=_("Build an offline copy of the site and pack it in a zip archive."))
    parser.add_argument("--output", "-o", type=Path, default=DEFAULT_OUTPUT, help=_("the zip archive to write (default: {default})").format(default=DEFAULT_OUTPUT.relative_to(ROOT)))
    add_language_option(parser)
    args = parser.parse_args(argv)
    output: Path = args.output
    if output.suffix != ".zip":
        parser.error("--output: " + _("expected a file name ending with .zip, received {received}").format(received=repr(str(output))))
    if output.is_dir():
        parser.error("--output: " + _("expected a file, received the folder {received}").format(received=repr(str(output))))
    try:
        epoch = buildtime.resolve(os.environ).epoch
    except buildtime.BuildTimeError as error:
        parser.error(str(error))
    environ = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    with tempfile.TemporaryDirectory(prefix="offline-") as temporary:
        site_dir = Path(temporary) / FOLDER
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--no-directory-urls", "--site-dir", str(site_dir), "--config-file", str(ROOT / "mkdocs.yml")]
        result = subprocess.run(command, env=environ, cwd=ROOT)
        if result.returncode != 0:
            print(_("The site did not build; nothing was written."), file=sys.stderr)
            return result.returncode
        offline.remove_server_files(site_dir)
        offline.inline_search_indexes(site_dir)
        broken = offline.broken_links(site_dir)
        if broken:
            head = ngettext(
                "The offline copy has {count} link a browser cannot follow from the file system; nothing was written:",
                "The offline copy has {count} links a browser cannot follow from the file system; nothing was written:",
                len(broken),
            )
            print(head.format(count=len(broken)), file=sys.stderr)
            for link in broken:
                print(f"  {link}", file=sys.stderr)
            return 1
        count = offline.write_zip(site_dir, output, FOLDER, epoch)
    message = _("Wrote {output} ({count} files, {size} MB). Unzip it and open {folder}/index.html: it works with no network, search included.")
    print(message.format(output=output, count=count, size=f"{output.stat().st_size / 1e6:.1f}", folder=FOLDER))
    return 0


if __name__ == "__main__":
    sys.exit(main())
