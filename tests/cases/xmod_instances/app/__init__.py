"""Top package of the xmod_instances case project."""
