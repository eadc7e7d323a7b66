"""The command line's answer is written whole or the command fails: a short write, a full
disk or a closed output is one line on stderr and exit status 4, never a cut answer and 0."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nato_partners.cli import main

# Commands whose answer goes out in one large write, and row-by-row listings.
_COMMANDS = [
    ["memberships", "--json"],
    ["partners", "--json"],
    ["coverage", "--json"],
    ["memberships", "--format", "csv"],
    ["timeline", "AZ"],
    ["cite", "AZ", "--style", "bibtex"],
]
_PANEL = ["panel", "--format", "csv"]


class _PartialText(io.TextIOBase):
    """A text output that takes only part of each write and says so in its count."""

    def __init__(self) -> None:
        self.taken: list[str] = []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        part = text[: max(1, len(text) // 2)]
        self.taken.append(part)
        return len(part)


class _Raw(io.RawIOBase):
    """A file that takes at most ``step`` bytes a write, and ``room`` bytes in all."""

    def __init__(self, step: int, room: int | None = None) -> None:
        self.data = bytearray()
        self.step, self.room = step, room

    def writable(self) -> bool:
        return True

    def write(self, b: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.room is not None and len(self.data) >= self.room:
            raise OSError(28, "No space left on device")
        part = bytes(b[: self.step])
        if self.room is not None:
            part = part[: self.room - len(self.data)]
        self.data += part
        return len(part)


def _stdout(raw: _Raw) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BufferedWriter(raw, buffer_size=8192), encoding="utf-8")


def _answer(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("args", _COMMANDS)
def test_a_text_output_that_takes_part_of_a_write_is_exit_4(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = _PartialText()
    monkeypatch.setattr(sys, "stdout", fake)
    assert main(args) == 4
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("nato-partners: error: cannot write the answer: ")
    assert "only part of the answer" in lines[0]


@pytest.mark.parametrize("args", [*_COMMANDS, _PANEL])
@pytest.mark.parametrize("step", [1, 777, 100_000])
def test_short_writes_of_a_file_are_written_again_until_whole(
    args: list[str], step: int, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if args == _PANEL:
        pytest.importorskip("pandas")
    if step == 1 and args[0] in ("memberships", "partners", "coverage", "panel"):
        pytest.skip("a byte a write is slow on large answers; 777 covers them")
    expected = _answer(args, capsys)
    raw = _Raw(step)
    monkeypatch.setattr(sys, "stdout", _stdout(raw))
    assert main(args) == 0
    assert capsys.readouterr().err == ""
    assert raw.data.decode("utf-8") == expected


@pytest.mark.parametrize("args", [*_COMMANDS, _PANEL])
@pytest.mark.parametrize("room", [0, 100, 3000])
def test_a_file_that_fills_up_is_one_line_and_exit_4(
    args: list[str], room: int, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if args == _PANEL:
        pytest.importorskip("pandas")
    raw = _Raw(4096, room)
    monkeypatch.setattr(sys, "stdout", _stdout(raw))
    assert main(args) == 4
    assert capsys.readouterr().err.splitlines() == [
        "nato-partners: error: cannot write the answer: No space left on device"]
    assert len(raw.data) <= room


# -- a real small filesystem, where the tests can mount one ------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A 100 KiB tmpfs, as a nearly full disk: only root on Linux can mount one."""
    where = tmp_path_factory.mktemp("tiny")
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small filesystem needs root on Linux")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=100k", "tmpfs", str(where)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


@pytest.mark.parametrize("args", [*_COMMANDS[:4], _PANEL])
def test_a_nearly_full_disk_is_one_line_and_exit_4(tiny: Path, args: list[str]) -> None:
    if args == _PANEL:
        pytest.importorskip("pandas")
    out = tiny / "out"
    with open(out, "w") as file:
        result = subprocess.run([sys.executable, "-m", "nato_partners", *args], stdout=file,
                                stderr=subprocess.PIPE, text=True, timeout=300)
    try:
        assert result.returncode == 4, result.stderr
        assert result.stderr.splitlines() == [
            "nato-partners: error: cannot write the answer: No space left on device"]
    finally:
        out.unlink()


def test_an_answer_that_fits_the_small_disk_is_whole(tiny: Path) -> None:
    out = tiny / "out"
    with open(out, "w") as file:
        result = subprocess.run([sys.executable, "-m", "nato_partners", "show", "AZ", "--json"],
                                stdout=file, stderr=subprocess.PIPE, text=True, timeout=300)
    try:
        assert result.returncode == 0, result.stderr
        assert json.loads(out.read_text("utf-8"))["partner"]["code"] == "AZE"
    finally:
        out.unlink()


def test_a_closed_pipe_stays_quiet() -> None:
    # The reader goes after the first line: the usual status of a closed pipe, no message.
    with subprocess.Popen([sys.executable, "-m", "nato_partners", "memberships", "--json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        status = process.wait(timeout=300)
        assert process.stderr.read() == b""
    assert status == 141
