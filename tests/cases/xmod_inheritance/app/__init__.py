"""Top package of the xmod_inheritance case project."""
