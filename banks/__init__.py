"""Question banks shipped with quiz: the repository's banks/ folder, mapped to quiz.banks."""
