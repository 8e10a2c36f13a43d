"""Which files a scenario may make the game read, and reading them without hanging or bloating.

A scenario from a stranger must not read outside its own folder: an include is either a shipped
(or the user's) ruleset by name, `ruleset:NAME`, or a relative path that stays inside the folder
tree of the scenario being loaded, after `..` and symbolic links are followed. Only regular files
are read (a named pipe would block, /dev/zero never ends), and never more than a size limit, so
the check costs one `stat` and one bounded read whatever the path points at.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

RULESET_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}")


class Refused(Exception):
    """A file the game will not read, with one line saying why and a hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


_KINDS = (
    (stat.S_ISDIR, "a folder", "give the path of a file inside it"),
    (stat.S_ISFIFO, "a named pipe (FIFO)", "give the path of a regular file"),
    (stat.S_ISCHR, "a device", "give the path of a regular file"),
    (stat.S_ISBLK, "a device", "give the path of a regular file"),
    (stat.S_ISSOCK, "a socket", "give the path of a regular file"),
)


def _refuse_kind(mode: int) -> None:
    for test, what, hint in _KINDS:
        if test(mode):
            raise Refused(f"this is {what}, not a file", hint)
    if not stat.S_ISREG(mode):
        raise Refused("this is not a regular file", "give the path of a regular file")


def _os_refusal(exc: OSError) -> Refused:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return Refused("no such file", "check the path and the file name")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Refused("cannot read the file: permission denied", "check the file's permissions")
    if exc.errno == errno.ELOOP:
        return Refused("cannot read the file: too many symbolic links", "")
    return Refused(f"cannot read the file: {exc.strerror or exc}", "")


def read_regular_file(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; Refused for anything else.

    The kind is checked on the open descriptor (non-blocking, so a FIFO swapped in after a
    first look cannot hang the open), and at most limit + 1 bytes are ever read."""
    try:
        before = os.stat(path)
    except OSError as exc:
        raise _os_refusal(exc) from None
    _refuse_kind(before.st_mode)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _os_refusal(exc) from None
    try:
        info = os.fstat(fd)
        _refuse_kind(info.st_mode)
        if info.st_size > limit:
            raise Refused(
                f"the {what} is {info.st_size:,} bytes; the limit is {limit:,}",
                f"no {what} of Two Augusts is this large; is it the right file?",
            )
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise _os_refusal(exc) from None
    finally:
        os.close(fd)
    if len(raw) > limit:  # the file grew while it was read
        raise Refused(f"the {what} is over {limit:,} bytes; the limit is {limit:,}", "")
    return raw


def is_binary(raw: bytes) -> bool:
    """Whether the bytes are no text at all (text files hold no NUL bytes)."""
    return b"\x00" in raw[:65536]


@dataclass(frozen=True)
class Sandbox:
    """The folders a scenario's includes may come from: the scenario's own folder tree, and
    the ruleset folders `ruleset:NAME` looks in."""

    home: Path
    ruleset_folders: tuple[Path, ...]

    @classmethod
    def for_scenario(cls, scenario: Path, ruleset_folders: tuple[Path, ...]) -> Sandbox:
        home = scenario.resolve().parent
        return cls(home, tuple(f.resolve() for f in ruleset_folders))

    def allows(self, target: Path) -> bool:
        real = target.resolve()
        return any(real.is_relative_to(root) for root in (self.home, *self.ruleset_folders))

    def include(self, base: Path, inc: str) -> Path:
        """The file a relative include names, or Refused saying why it may not be read."""
        if "\x00" in inc:
            raise Refused("an include path cannot hold a NUL character", "")
        if (
            PurePosixPath(inc).is_absolute()
            or PureWindowsPath(inc).is_absolute()
            or (PureWindowsPath(inc).drive)
        ):
            raise Refused(
                f"include '{inc}' is an absolute path; a scenario may only include files in "
                "its own folder",
                "give a path relative to this file, or ruleset:NAME for a shipped ruleset",
            )
        target = base.parent / inc
        if not self.allows(target):
            raise Refused(
                f"include '{inc}' leads outside the scenario's folder",
                "keep included files in the scenario's folder (or below it), or use "
                "ruleset:NAME for a shipped ruleset",
            )
        return target
