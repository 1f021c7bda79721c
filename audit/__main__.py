"""``python -m audit``: the same as the ``audit`` command."""

import sys

from audit.cli.launch import main

sys.exit(main())
