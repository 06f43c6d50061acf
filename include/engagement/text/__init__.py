"""Pure text helpers shared by the clean stage, the CLI and the entity extractor.

No I/O beyond loading the pattern files that live next to the code in ``data/``.
"""
