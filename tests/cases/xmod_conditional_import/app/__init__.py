"""Top package of the xmod_conditional_import case project."""
