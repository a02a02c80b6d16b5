"""Top package of the xmod_circular case project."""
