"""Rich renderables shared by the command line and the app: facts, generation, history, tutor."""
