"""`python -m orchestra` is the `orchestra` command."""

import sys

from orchestra.cli import main

sys.exit(main())
