"""Top package of the xmod_shadowing case project."""
