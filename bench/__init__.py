"""Data generators at scale and benchmarks (`make bench`)."""
