"""The study app in the terminal (Textual)."""
