"""`python -m irtutor` behaves like the `irtutor` command."""

from irtutor.app import main

raise SystemExit(main())
