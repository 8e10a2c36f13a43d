"""The rules engine: pure Python, no pygame, no file or terminal I/O."""
