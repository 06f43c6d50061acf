"""Entity-extraction evaluation: one gold format, readers for the public gold sets, a scorer.

Public sets are converted at run time from ``../shared/corpora`` and never copied into the
repository; the format and the scoring rules are documented in docs/evaluation.md.
"""
