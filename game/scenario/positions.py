"""Where each key and value sits in a TOML text, so errors can say file:line:col.

tomli gives the data but no positions. This scanner walks the same text once more and records,
for every path (keys and array indices, as pydantic reports them), the line and column of its key
and of its value. It trusts that tomli already accepted the text, so it only needs to be right
for valid TOML.
"""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Pos:
    """1-based line and column."""

    line: int
    col: int


class PositionIndex:
    """Where each path's key and value sit. Given a text, it is scanned on the first question:
    only error and warning messages ask, and scanning a scenario character by character was
    95 % of loading a valid one."""

    def __init__(self, text: str | None = None) -> None:
        self._text = text
        self._keys: dict[Path, Pos] = {}
        self._values: dict[Path, Pos] = {}

    def _scan(self) -> None:
        if self._text is not None:
            text, self._text = self._text, None
            _Scanner(text, self).run()

    @property
    def keys(self) -> dict[Path, Pos]:
        self._scan()
        return self._keys

    @property
    def values(self) -> dict[Path, Pos]:
        self._scan()
        return self._values

    def key(self, path: Path) -> Pos | None:
        return self.keys.get(path) or self.values.get(path)

    def value(self, path: Path) -> Pos | None:
        return self.values.get(path) or self.keys.get(path)

    def nearest(self, path: Path) -> tuple[Path, Pos] | None:
        """The deepest recorded prefix of `path` and its position."""
        for n in range(len(path), -1, -1):
            p = path[:n]
            pos = self.value(p)
            if pos is not None:
                return p, pos
        return None


_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str, index: PositionIndex) -> None:
        self.s = text
        self.i = 0
        self.line = 1
        self.col = 1
        self.index = index
        self.aot: dict[Path, int] = {}

    # --- low level -----------------------------------------------------------------------------

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < len(self.s) else ""

    def startswith(self, t: str) -> bool:
        return self.s.startswith(t, self.i)

    def advance(self, n: int = 1) -> None:
        for _ in range(n):
            if self.i >= len(self.s):
                return
            if self.s[self.i] == "\n":
                self.line += 1
                self.col = 1
            else:
                self.col += 1
            self.i += 1

    def pos(self) -> Pos:
        return Pos(self.line, self.col)

    def skip_ws(self, newlines: bool = False) -> None:
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.advance()
            elif c == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.advance()
            else:
                return

    # --- keys and strings ------------------------------------------------------------------------

    def read_key(self) -> list[tuple[str, Pos]]:
        parts: list[tuple[str, Pos]] = []
        while True:
            self.skip_ws()
            start = self.pos()
            c = self.peek()
            if c == '"' or c == "'":
                parts.append((self.read_string(), start))
            else:
                j = self.i
                while self.peek() in _BARE and self.peek():
                    self.advance()
                parts.append((self.s[j : self.i], start))
            self.skip_ws()
            if self.peek() == ".":
                self.advance()
                continue
            return parts

    def read_string(self) -> str:
        if self.startswith('"""') or self.startswith("'''"):
            q = self.s[self.i : self.i + 3]
            self.advance(3)
            j = self.i
            while self.peek():
                if q == '"""' and self.peek() == "\\":
                    self.advance(2)
                    continue
                if self.startswith(q) and self.s[self.i + 3 : self.i + 4] != q[0]:
                    break
                self.advance()
            out = self.s[j : self.i]
            self.advance(3)
            return out
        q = self.peek()
        self.advance()
        j = self.i
        while self.peek() and self.peek() != q:
            if q == '"' and self.peek() == "\\":
                self.advance()
            self.advance()
        out = self.s[j : self.i]
        self.advance()
        if q == '"' and "\\" in out:
            try:
                out = out.encode("utf-8").decode("unicode_escape")
            except UnicodeDecodeError:
                pass
        return out

    # --- values ----------------------------------------------------------------------------------

    def read_value(self, path: Path) -> None:
        self.index.values[path] = self.pos()
        c = self.peek()
        if c == '"' or c == "'":
            self.read_string()
        elif c == "[":
            self.advance()
            n = 0
            while True:
                self.skip_ws(newlines=True)
                if self.peek() == "]" or not self.peek():
                    self.advance()
                    return
                self.read_value((*path, n))
                n += 1
                self.skip_ws(newlines=True)
                if self.peek() == ",":
                    self.advance()
        elif c == "{":
            self.advance()
            while True:
                self.skip_ws()
                if self.peek() == "}" or not self.peek():
                    self.advance()
                    return
                self.read_keyval(path)
                self.skip_ws()
                if self.peek() == ",":
                    self.advance()
        else:
            while self.peek() and self.peek() not in ",]}\n#":
                self.advance()

    def read_keyval(self, table: Path) -> None:
        parts = self.read_key()
        path = table
        for name, p in parts:
            path = (*path, name)
            self.index.keys.setdefault(path, p)
        self.skip_ws()
        if self.peek() == "=":
            self.advance()
        self.skip_ws()
        self.read_value(path)

    # --- tables ----------------------------------------------------------------------------------

    def resolve(self, names: list[str]) -> Path:
        """Path of a table header, with the current index of every array of tables in it."""
        path: Path = ()
        for name in names:
            path = (*path, name)
            if path in self.aot:
                path = (*path, self.aot[path] - 1)
        return path

    def read_header(self) -> Path:
        array = self.startswith("[[")
        self.advance(2 if array else 1)
        parts = self.read_key()
        self.advance(2 if array else 1)
        names = [n for n, _ in parts]
        if array:
            parent = self.resolve(names[:-1])
            base = (*parent, names[-1])
            n = self.aot.get(base, 0)
            self.aot[base] = n + 1
            path: Path = (*base, n)
            self.index.keys.setdefault(base, parts[-1][1])
            self.index.values.setdefault(base, parts[-1][1])
        else:
            path = self.resolve(names)
        self.index.keys.setdefault(path, parts[-1][1])
        self.index.values.setdefault(path, parts[-1][1])
        return path

    def run(self) -> PositionIndex:
        table: Path = ()
        while self.i < len(self.s):
            self.skip_ws(newlines=True)
            if not self.peek():
                break
            if self.peek() == "[":
                table = self.read_header()
            else:
                self.read_keyval(table)
            # Skip the rest of the line (comments, stray spaces).
            self.skip_ws()
            if self.peek() == "\n":
                self.advance()
        return self.index


def index_positions(text: str) -> PositionIndex:
    """Positions of every key and value in a TOML text that tomli accepted (scanned when
    first asked for)."""
    return PositionIndex(text)
