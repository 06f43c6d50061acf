"""Language processing: spaCy pipelines per language and rule-based components."""
