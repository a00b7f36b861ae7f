"""quiz: study history from verified facts."""

__version__ = "0.1.0"
