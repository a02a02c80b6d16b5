# The pending case files are not tests: pytest must not collect anything here (the projects'
# own tests/ folders hold test_*.py files that only import with their declared roots on sys.path).
# Run tests/cases_pending/verify_runtime.py instead (see README.md).
collect_ignore_glob = ["*"]
