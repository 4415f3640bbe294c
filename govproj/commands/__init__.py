"""One module per verb. Each exposes `HELP`, `DESCRIPTION`, `add_arguments(parser)` and `run(args) -> int`.

Modules are imported only when their verb runs (see `govproj.cli.COMMANDS`), so the check path stays light.
"""
