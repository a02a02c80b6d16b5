"""Top package of the xmod_import_forms case project."""
