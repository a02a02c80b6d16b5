"""An application using three installed packages of env/ (see each module)."""
