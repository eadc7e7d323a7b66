"""Text from a dataset cannot drive the terminal: every command, in every format, prints a
hostile dataset's escape sequences, terminal titles and bidirectional overrides escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nato_partners.cli import main
from nato_partners.cli.commands import COMMANDS
from nato_partners.cli.output import safe

_HOSTILE = "Evil\x1b[2J\x1b]0;owned\x07 \u202etxt.exe \x9b31m \x85 end"
_RAW = ("\x1b", "\x07", "\u202e", "\x9b", "\x85")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled data whose Georgia, PfP and one source hold hostile text in
    every field a command shows: names, notes, titles, publishers."""
    import shutil
    from importlib import resources

    root = tmp_path_factory.mktemp("hostile") / "data"
    with resources.as_file(resources.files("nato_partners") / "data") as data:
        shutil.copytree(data, root)
    text = json.dumps(_HOSTILE)
    info = root / "dataset.toml"
    content = info.read_text("utf-8")
    for field in ("title", "version"):
        start = content.index(f"\n{field} = ")
        end = content.index("\n", start + 1)
        content = content[:start] + f"\n{field} = {text}" + content[end:]
    info.write_text(content, "utf-8")
    georgia = root / "partners" / "geo.toml"
    content = georgia.read_text("utf-8")
    content = content.replace('name = "Georgia"', f"name = {text}", 1)
    content += (f'\n[[milestones]]\nid = "geo-hostile"\ndate = "2025"\nkind = "visit"\n'
                f'title = {text}\nsummary = {text}\nnote = {text}\n'
                'sources = ["mfa-ge-nato-chronology"]\n')
    georgia.write_text(content, "utf-8")
    programmes = root / "programmes.toml"
    programmes.write_text(programmes.read_text("utf-8").replace(
        'name = "Partnership for Peace"', f"name = {text}", 1), "utf-8")
    sources = root / "sources.toml"
    content = sources.read_text("utf-8")
    marker = 'id = "mfa-ge-nato-chronology"'
    start = content.index(marker)
    title = content.index("title = ", start)
    end = content.index("\n", title)
    sources.write_text(content[:title] + f"title = {text}" + content[end:], "utf-8")
    from nato_partners import load_dataset

    assert load_dataset(root).partner("GE").name == _HOSTILE
    return root


def _cases(data: Path) -> list[list[str]]:
    """Every command, with arguments that reach the hostile text, in each of its formats."""
    asked = {
        "partners": [[]],
        "show": [["GE"]],
        "timeline": [["GE"]],
        "projects": [[]],
        "programmes": [["--partner", "GE"]],
        "memberships": [["--partner", "GE"], ["--programme", "sps"],
                        ["--programme", "pfp", "--on", "2000"]],
        "participates": [["GE", "pfp", "--on", "1994-03"], ["GE", "pii"]],
        "status": [["GE", "pfp", "--on", "1994-03"], ["GE", "sps", "--on", "1990"]],
        "members": [["pfp", "--on", "2000"], ["sps", "--on", "2000"],
                    ["sps", "--on", "2000", "--known-only"]],
        "panel": [["--partner", "GE", "--programme", "pfp", "--from", "1993", "--to", "1995"],
                  ["--partner", "GE", "--programme", "pfp", "--from", "1994", "--to", "1994",
                   "--wide"]],
        "cite": [["GE"], ["GE", "--style", "bibtex"], ["GE", "--style", "csl-json"]],
        "diff": [[], ["--panel"]],
        "package": [[str(data.parent / "package")]],
        "coverage": [["--partner", "GE"], ["--programme", "pfp"]],
        "search": [["Evil"]],
        "sources": [["GE"]],
        "validate": [[str(data)]],
    }
    cases = []
    for command in COMMANDS:
        if command.name == "plot":
            continue  # writes an image, and only its name to the terminal
        for args in asked[command.name]:
            for form in command.formats:
                extra = [] if form == "table" else ["--format", form]
                if command.name == "diff":
                    cases.append(["diff", _bundled(), str(data), *args, *extra])
                elif command.reads_data:
                    cases.append(["--data", str(data), command.name, *args, *extra])
                else:
                    cases.append([command.name, *args, *extra])
    cases += [["--data", str(data), "--version"], ["--data", str(data), "--version", "--json"]]
    return cases


def _bundled() -> str:
    from importlib import resources

    return str(resources.files("nato_partners") / "data")


def test_every_command_is_walked(hostile: Path) -> None:
    walked = {case[2] if case[0] == "--data" else case[0] for case in _cases(hostile)}
    assert walked == {c.name for c in COMMANDS} - {"plot"} | {"--version"}


def test_every_command_prints_hostile_text_escaped(
    hostile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pandas")
    monkeypatch.setenv("COLUMNS", "200")
    shown = 0
    for case in _cases(hostile):
        status = main(case)
        out, err = capsys.readouterr()
        assert status in (0, 1, 3), (case, err)
        for raw in _RAW:
            assert raw not in out, (case, raw)
            assert raw not in err, (case, raw)
        if "Evil" in out + err:
            shown += 1
            if "--format" not in case or "json" not in case:
                assert "\\x1b" in out + err or "\\u001b" in out + err, case
    assert shown >= 20  # the hostile text was reached, not only left out


@pytest.mark.parametrize("text", [
    _HOSTILE, "plain", "T\u00fcrkiye", "\u0410\u0437\u0435\u0440\u0431\u0430\u0439\u0434\u0436",
    "\x00\x1f\x7f", "\u2066isolate\u2069", "\ud800", "a\u200bb", "tab\there",
])
def test_safe_escapes_what_moves_the_terminal_and_keeps_letters(text: str) -> None:
    made = safe(text)
    assert made.isprintable() or set(made) - set(made.replace(" ", "")) == {" "}
    for ch in text:
        if ch.isprintable() or ch == " ":
            assert ch in made
        else:
            assert ch not in made
